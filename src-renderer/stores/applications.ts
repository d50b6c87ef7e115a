/**
 * The 授信申请 page: which view is open (the list, the guided form, the print view), the list's queue, filters and
 * current page from 'applications.list', the size of the approvals queue (badge), and the open detail drawer.
 */
import { create } from 'zustand';
import type { ApplicationStatus } from '../../shared/applications/lifecycle.js';
import type { ApiClient } from '../../shared/contract/client.js';
import type { Output } from '../../shared/contract/methods.js';

export type Queue = 'all' | 'mine' | 'approvals';
export type ApplicationSummary = Output<'applications.list'>['items'][number];
export type ApplicationDetail = Output<'applications.get'>;
export type SavedScore = ApplicationDetail['scores'][number];
export type ApplicationsView = 'list' | 'form' | 'print';

export const APPLICATIONS_PAGE_SIZE = 20;

interface ApplicationsData {
  view: ApplicationsView;
  queue: Queue;
  /** Has the queue been chosen for this user (approvers start on their queue)? */
  queueChosen: boolean;
  status: ApplicationStatus | undefined;
  searchText: string;
  q: string;
  page: number;
  items: ApplicationSummary[];
  total: number;
  counts: Record<string, number>;
  /** How many applications wait for the signed-in user's decision. */
  approvals: number | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  generation: number;
  detailId: string | null;
  printId: string | null;
  /** Bumped after a change so an open detail reloads. */
  revision: number;
}

export interface ApplicationsState extends ApplicationsData {
  setView(view: ApplicationsView): void;
  setQueue(queue: Queue): void;
  chooseInitialQueue(queue: Queue): void;
  setStatus(status: ApplicationStatus | undefined): void;
  setSearchText(text: string): void;
  setQuery(q: string): void;
  setPage(page: number): void;
  load(client: ApiClient): Promise<void>;
  openDetail(id: string | null): void;
  openPrint(id: string): void;
  closePrint(): void;
  changed(): void;
}

export const initialApplicationsData: ApplicationsData = {
  view: 'list',
  queue: 'all',
  queueChosen: false,
  status: undefined,
  searchText: '',
  q: '',
  page: 1,
  items: [],
  total: 0,
  counts: {},
  approvals: null,
  loading: false,
  loaded: false,
  error: null,
  generation: 0,
  detailId: null,
  printId: null,
  revision: 0,
};

export const useApplicationsStore = create<ApplicationsState>()((set, get) => ({
  ...initialApplicationsData,
  setView: (view) => set({ view }),
  setQueue: (queue) => set({ queue, queueChosen: true, page: 1 }),
  chooseInitialQueue: (queue) => {
    if (!get().queueChosen) set({ queue, queueChosen: true, page: 1 });
  },
  setStatus: (status) => set({ status, page: 1 }),
  setSearchText: (searchText) => set({ searchText }),
  setQuery: (q) => set({ q, page: 1 }),
  setPage: (page) => set({ page }),
  async load(client) {
    const generation = get().generation + 1;
    const { queue, status, q, page } = get();
    set({ generation, loading: true, error: null });
    const text = q.trim();
    try {
      const [list, approvals] = await Promise.all([
        client.call('applications.list', { queue, page, pageSize: APPLICATIONS_PAGE_SIZE, ...(status ? { status } : {}), ...(text ? { q: text } : {}) }),
        queue === 'approvals' && !status && !text && page === 1
          ? null
          : client.call('applications.list', { queue: 'approvals', page: 1, pageSize: 1 }).then(
              (r) => r.total,
              () => null,
            ),
      ]);
      if (get().generation !== generation) return;
      set({
        items: list.items,
        total: list.total,
        counts: list.counts,
        approvals: approvals ?? (queue === 'approvals' ? list.total : get().approvals),
        loading: false,
        loaded: true,
      });
    } catch (err) {
      if (get().generation !== generation) return;
      set({ loading: false, loaded: true, error: err instanceof Error ? err.message : String(err) });
    }
  },
  openDetail: (detailId) => set({ detailId }),
  openPrint: (printId) => set({ printId, view: 'print' }),
  closePrint: () => set({ printId: null, view: 'list' }),
  changed: () => set((s) => ({ revision: s.revision + 1 })),
}));
