/**
 * Sync with the hub, as the window, the scheduler and `greendesk sync` use it: settings and enrolment, one round
 * at a time (pull the library and the models, then push the outbox), its live progress, and what the status bar
 * shows. Every round is logged (sync_log) with its report or its error.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError, toEnvelope, type ErrorEnvelope } from '../../../shared/errors.js';
import type { Lang } from '../../../shared/i18n/errors.js';
import { deviceInfoSchema, enrollProofText, enrollResponseSchema, healthSchema, type DeviceInfo } from '../../../shared/sync/protocol.js';
import { signText } from '../../../src-node/signing.js';
import type { AppDb } from '../../db/open.js';
import { HubClient, HubRefusal, isTransient, type HubClientOptions } from './hub-client.js';
import { deviceIdentity, hubConnection, saveEnrollment, setHubUrl, type HubConnection } from './identity.js';
import { backfillOutbox, outboxCounts, type OutboxCounts } from './outbox.js';
import { pullLibrary, pullModels, type LibraryPullReport, type ModelsPullReport, type PullProgress } from './pull.js';
import { pushOutbox, type PushReport } from './push.js';

export type Trigger = 'manual' | 'auto' | 'cli' | 'redownload';

export interface RoundReport {
  ok: boolean;
  trigger: Trigger;
  startedAt: string;
  finishedAt: string;
  device: DeviceInfo | null;
  library: LibraryPullReport | null;
  models: ModelsPullReport | null;
  push: PushReport | null;
  error: ErrorEnvelope | null;
}

export interface RoundProgress {
  phase: 'connect' | PullProgress['phase'] | 'push' | 'done';
  done: number;
  total: number;
}

export interface SyncOptions {
  lang?: () => Lang;
  now?: () => Date;
  /** Overrides for the HTTP client (tests: a fast back-off, fewer attempts). */
  client?: Partial<HubClientOptions>;
  pageSize?: number;
  batchEntries?: number;
}

export interface SyncStatus {
  hubUrl: string | null;
  enrolled: boolean;
  device: DeviceInfo | null;
  deviceId: string;
  deviceName: string;
  keyId: string;
  running: boolean;
  progress: RoundProgress | null;
  /** null: no contact tried yet; true/false: whether the last attempt reached the hub. */
  reachable: boolean | null;
  lastRound: { at: string; ok: boolean; trigger: string; errorCode: string | null; errorMessage: string | null } | null;
  lastSuccessAt: string | null;
  outbox: OutboxCounts;
  pull: { toVersion: number; received: number; total: number | null } | null;
}

const KEEP_LOG = 200;

export class SyncService {
  private current: Promise<RoundReport> | null = null;
  private progress: RoundProgress | null = null;
  private reachable: boolean | null = null;

  constructor(
    readonly db: AppDb,
    private readonly opts: SyncOptions = {},
  ) {}

  private get conn(): BetterSqlite3.Database {
    return this.db.rawWrite;
  }
  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }
  private lang(): Lang {
    return this.opts.lang?.() ?? 'zh-CN';
  }

  client(url: string, token: string | null): HubClient {
    return new HubClient({ baseUrl: url, token, lang: this.lang(), ...this.opts.client });
  }

  connection(): HubConnection {
    return hubConnection(this.db.rawRead);
  }

  setHubUrl(url: string): string {
    return setHubUrl(this.conn, url);
  }

  /** Enrols this device with a one-time code (the hub's address given here or set before). */
  async enroll(code: string, url?: string): Promise<DeviceInfo> {
    if (url) this.setHubUrl(url);
    const hubUrl = this.connection().url;
    if (!hubUrl) throw new AppError('NOT_ENROLLED', { path: 'hubUrl' });
    const id = deviceIdentity(this.conn);
    const proof = { code: code.trim(), deviceId: id.deviceId, publicKey: id.publicKey };
    try {
      const res = await this.client(hubUrl, null).post('/v1/enroll', { ...proof, deviceName: id.deviceName, signature: signText(id.privateKey, enrollProofText(proof)) }, enrollResponseSchema);
      this.reachable = true;
      const { token, ...device } = res;
      saveEnrollment(this.conn, token, device);
      return device;
    } catch (err) {
      if (isTransient(err)) this.reachable = false;
      throw err;
    }
  }

  /** Whether the hub answers at all (the scheduler's cheap check while offline). */
  async probe(): Promise<boolean> {
    const url = this.connection().url;
    if (!url) return false;
    try {
      await new HubClient({ baseUrl: url, lang: this.lang(), ...this.opts.client, attempts: 1, timeoutMs: 10_000 }).get('/v1/health', healthSchema);
      this.reachable = true;
    } catch {
      this.reachable = false;
    }
    return this.reachable;
  }

  isRunning(): boolean {
    return this.current !== null;
  }

  /** One round; if one is already running, its outcome (never two at once). */
  runRound(trigger: Trigger, o: { replace?: boolean; onProgress?: (p: RoundProgress) => void } = {}): Promise<RoundReport> {
    if (this.current) {
      if (!o.replace) return this.current;
      return this.current.then(() => this.runRound(trigger, o));
    }
    const run = this.round(trigger, o).finally(() => {
      this.current = null;
      this.progress = null;
    });
    this.current = run;
    return run;
  }

  private async round(trigger: Trigger, o: { replace?: boolean; onProgress?: (p: RoundProgress) => void }): Promise<RoundReport> {
    const startedAt = this.now().toISOString();
    const report: RoundReport = { ok: false, trigger, startedAt, finishedAt: startedAt, device: null, library: null, models: null, push: null, error: null };
    const progress = (p: RoundProgress) => {
      this.progress = p;
      o.onProgress?.(p);
    };
    const errors: unknown[] = [];
    try {
      const { url, token } = this.connection();
      if (!url || !token) throw new AppError('NOT_ENROLLED');
      const hub = this.client(url, token);
      progress({ phase: 'connect', done: 0, total: 0 });
      report.device = await hub.get('/v1/device', deviceInfoSchema);
      this.reachable = true;
      saveEnrollment(this.conn, token, report.device);
      const now = () => this.now();
      try {
        report.library = await pullLibrary(this.db, hub, { replace: o.replace === true, onProgress: progress, now, ...(this.opts.pageSize ? { pageSize: this.opts.pageSize } : {}) });
        progress({ phase: 'models', done: 0, total: 0 });
        report.models = await pullModels(this.db, hub, now);
      } catch (err) {
        // A failed pull does not keep the outbox waiting, unless the hub cannot be reached at all.
        if (!(err instanceof AppError) || err.code === 'HUB_UNREACHABLE' || err.code === 'DEVICE_TOKEN_INVALID') throw err;
        errors.push(err);
      }
      backfillOutbox(this.db, this.now());
      report.push = await pushOutbox(this.db, hub, report.device.deviceId, { lang: this.lang(), now, ...(this.opts.batchEntries ? { batchEntries: this.opts.batchEntries } : {}), onProgress: (done, total) => progress({ phase: 'push', done, total }) });
      if (errors.length > 0) throw errors[0];
      report.ok = true;
      progress({ phase: 'done', done: 1, total: 1 });
    } catch (err) {
      if (err instanceof AppError && err.code === 'HUB_UNREACHABLE') this.reachable = false;
      if (err instanceof HubRefusal && err.code === 'DEVICE_TOKEN_INVALID') this.reachable = true;
      report.error = toEnvelope(err, this.lang());
      if (!(err instanceof AppError)) throw err;
    } finally {
      report.finishedAt = this.now().toISOString();
      this.log(report);
    }
    return report;
  }

  private log(r: RoundReport): void {
    try {
      this.conn
        .transaction(() => {
          this.conn
            .prepare('INSERT INTO sync_log (started_at, finished_at, trigger, ok, report, error_code, error_message) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(r.startedAt, r.finishedAt, r.trigger, r.ok ? 1 : 0, JSON.stringify({ library: r.library, models: r.models, push: r.push }), r.error?.code ?? null, r.error?.message ?? null);
          this.conn.prepare('DELETE FROM sync_log WHERE id <= (SELECT max(id) FROM sync_log) - ?').run(KEEP_LOG);
        })
        .immediate();
    } catch {
      // A busy database (a bulk write) must not turn a round's outcome into a failure; the log is best effort.
    }
  }

  status(): SyncStatus {
    const read = this.db.rawRead;
    const c = hubConnection(read);
    const id = deviceIdentity(this.conn);
    const last = read.prepare('SELECT finished_at, ok, trigger, error_code, error_message FROM sync_log ORDER BY id DESC LIMIT 1').get() as
      | { finished_at: string; ok: number; trigger: string; error_code: string | null; error_message: string | null }
      | undefined;
    const success = read.prepare('SELECT max(finished_at) FROM sync_log WHERE ok = 1').pluck().get() as string | null;
    const pull = read.prepare('SELECT to_version, received, total FROM library_pull WHERE id = 1').get() as { to_version: number; received: number; total: number | null } | undefined;
    return {
      hubUrl: c.url,
      enrolled: c.url !== null && c.token !== null,
      device: c.device,
      deviceId: id.deviceId,
      deviceName: id.deviceName,
      keyId: id.keyId,
      running: this.current !== null,
      progress: this.progress,
      reachable: this.reachable,
      lastRound: last ? { at: last.finished_at, ok: last.ok === 1, trigger: last.trigger, errorCode: last.error_code, errorMessage: last.error_message } : null,
      lastSuccessAt: success,
      outbox: outboxCounts(this.db),
      pull: pull ? { toVersion: pull.to_version, received: pull.received, total: pull.total } : null,
    };
  }
}
