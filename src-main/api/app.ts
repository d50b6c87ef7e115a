/** Opens a database and wires the contract's dispatch over it: what every host (Electron, serve, tests) starts. */
import { openDatabase, type AppDb } from '../db/open.js';
import { createDispatcher, type Dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';

export interface AppApi {
  db: AppDb;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function openAppApi(dbFile: string, opts: { create?: boolean; log?: (msg: string) => void } = {}): AppApi {
  const db = openDatabase(dbFile, { create: opts.create ?? true });
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const dispatch = createDispatcher(createHandlers(db), (err, method) => {
    log(`[greendesk] internal error in ${method}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });
  return { db, dispatch, close: () => db.close() };
}
