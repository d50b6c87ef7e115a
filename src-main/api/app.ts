/** Opens a database and wires the contract's dispatch over it: what every host (Electron, serve, tests) starts. */
import { dirname, resolve } from 'node:path';
import { openDatabase, type AppDb } from '../db/open.js';
import { JobRegistry } from '../services/jobs.js';
import { SessionStore } from '../services/sessions.js';
import { SyncScheduler } from '../services/sync/scheduler.js';
import { SyncService } from '../services/sync/service.js';
import type { Lang } from '../../shared/i18n/errors.js';
import type { AppContext, HostCapabilities } from './context.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { createHandlers } from './handlers/index.js';

export interface AppApi {
  db: AppDb;
  ctx: AppContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface AppApiOptions {
  create?: boolean;
  log?: (msg: string) => void;
  /** Run sync with the hub by itself (the window's hosts); off for tests and one-shot commands. */
  autoSync?: boolean;
  /** What the host offers the window (Electron passes printToPdf). */
  host?: HostCapabilities;
}

export function openAppApi(dbFile: string, opts: AppApiOptions = {}): AppApi {
  const db = openDatabase(dbFile, { create: opts.create ?? true });
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  // Messages from the hub come in the language of whoever used the window last.
  let lang: Lang = 'zh-CN';
  const sync = new SyncService(db, { lang: () => lang });
  const scheduler = opts.autoSync ? new SyncScheduler(sync, { log }) : null;
  const ctx: AppContext = { db, dataDir: dirname(resolve(dbFile)), jobs: new JobRegistry(), sessions: new SessionStore(), sync, scheduler, host: opts.host ?? {} };
  const handled = createDispatcher(createHandlers(ctx), {
    resolveSession: (id) => ctx.sessions.resolve(id),
    onInternalError: (err, method) => {
      log(`[greendesk] internal error in ${method}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    },
  });
  const dispatch: Dispatch = (method, input, meta) => {
    if (meta?.lang) lang = meta.lang;
    return handled(method, input, meta);
  };
  scheduler?.start();
  return {
    db,
    ctx,
    dispatch,
    async close() {
      scheduler?.stop();
      await db.close();
    },
  };
}
