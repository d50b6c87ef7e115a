/** Opens a database and wires the contract's dispatch over it: what every host (Electron, serve, tests) starts. */
import { dirname, resolve } from 'node:path';
import { openDatabase, type AppDb } from '../db/open.js';
import { JobRegistry } from '../services/jobs.js';
import { SessionStore } from '../services/sessions.js';
import type { AppContext } from './context.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { createHandlers } from './handlers/index.js';

export interface AppApi {
  db: AppDb;
  ctx: AppContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function openAppApi(dbFile: string, opts: { create?: boolean; log?: (msg: string) => void } = {}): AppApi {
  const db = openDatabase(dbFile, { create: opts.create ?? true });
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const ctx: AppContext = { db, dataDir: dirname(resolve(dbFile)), jobs: new JobRegistry(), sessions: new SessionStore() };
  const dispatch = createDispatcher(createHandlers(ctx), {
    resolveSession: (id) => ctx.sessions.resolve(id),
    onInternalError: (err, method) => {
      log(`[greendesk] internal error in ${method}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    },
  });
  return { db, ctx, dispatch, close: () => db.close() };
}
