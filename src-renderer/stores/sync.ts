/**
 * Sync as the window sees it: the status (polled — often while a round runs, calmly otherwise), the outbox list
 * of the 同步 page, and the actions (sync now, re-download, resend, export) with the job of a running round.
 * The rounds themselves run in the main process (or the browser-mode server), by themselves or when asked.
 */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import type { OutboxItemView, SyncStatusView } from '../../shared/contract/methods/sync.js';
import { useStatusStore } from './status.js';

export type OutboxTab = 'pending' | 'rejected' | 'sent' | 'all';
export const POLL_RUNNING_MS = 1000;
export const POLL_IDLE_MS = 10_000;

interface SyncData {
  status: SyncStatusView | null;
  statusError: string | null;
  tab: OutboxTab;
  page: number;
  outbox: { total: number; items: OutboxItemView[] } | null;
  outboxError: string | null;
  /** The job of a round started from this window, while it runs. */
  jobId: string | null;
  /** The outcome of the last round started from this window: null, or an error message. */
  lastRunError: string | null;
}

export interface SyncState extends SyncData {
  loadStatus(client: ApiClient): Promise<SyncStatusView | null>;
  setTab(client: ApiClient, tab: OutboxTab): Promise<void>;
  setPage(client: ApiClient, page: number): Promise<void>;
  loadOutbox(client: ApiClient): Promise<void>;
  /** Starts a round (or joins the running one) and follows it to its end; resolves with its error, if any. */
  run(client: ApiClient, kind: 'run' | 'redownload', reason?: 'manual' | 'online'): Promise<string | null>;
}

export const initialSyncData: SyncData = { status: null, statusError: null, tab: 'pending', page: 1, outbox: null, outboxError: null, jobId: null, lastRunError: null };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
export const PAGE_SIZE = 50;

export const useSyncStore = create<SyncState>()((set, get) => ({
  ...initialSyncData,
  async loadStatus(client) {
    try {
      const status = await client.call('sync.status', {});
      set({ status, statusError: null });
      return status;
    } catch (err) {
      set({ statusError: message(err) });
      return null;
    }
  },
  async setTab(client, tab) {
    set({ tab, page: 1 });
    await get().loadOutbox(client);
  },
  async setPage(client, page) {
    set({ page });
    await get().loadOutbox(client);
  },
  async loadOutbox(client) {
    const { tab, page } = get();
    try {
      const outbox = await client.call('sync.outbox', { ...(tab === 'all' ? {} : { state: tab }), page, pageSize: PAGE_SIZE });
      set({ outbox, outboxError: null });
    } catch (err) {
      set({ outboxError: message(err) });
    }
  },
  async run(client, kind, reason = 'manual') {
    set({ lastRunError: null });
    let jobId: string;
    try {
      jobId = (kind === 'run' ? await client.call('sync.run', { reason }) : await client.call('sync.redownload', {})).jobId;
    } catch (err) {
      set({ lastRunError: message(err) });
      return message(err);
    }
    set({ jobId });
    let error: string | null = null;
    for (let failures = 0; ; ) {
      await new Promise((r) => setTimeout(r, POLL_RUNNING_MS / 2));
      try {
        const job = await client.call('jobs.get', { jobId });
        void get().loadStatus(client);
        if (job.state === 'running') continue;
        if (job.state === 'failed') error = job.error?.message ?? 'failed';
        break;
      } catch (err) {
        if (++failures > 10) {
          error = message(err);
          break;
        }
      }
    }
    set({ jobId: null, lastRunError: error });
    await Promise.all([get().loadStatus(client), get().loadOutbox(client), useStatusStore.getState().loadInfo(client)]);
    return error;
  },
}));
