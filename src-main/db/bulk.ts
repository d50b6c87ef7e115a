/**
 * A long write (a library import or pull of 100,000 projects) runs in one transaction that pauses now and then so
 * the process keeps answering. While it is open, another write on the same connection would silently join it
 * (better-sqlite3 nests it as a savepoint) and be rolled back with it if it failed. So while a bulk write is open,
 * every other transaction on that connection is refused with DB_BUSY: the user sees "busy, try again", never a
 * save that later vanishes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/errors.js';

const busy = new WeakSet<BetterSqlite3.Database>();

/** Makes `conn.transaction(...)` (all its variants) refuse to run while a bulk write is open on it. */
export function guardTransactions(conn: BetterSqlite3.Database): void {
  const original = conn.transaction.bind(conn);
  conn.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    const guard =
      <F extends (...args: never[]) => unknown>(run: F) =>
      (...args: Parameters<F>) => {
        if (busy.has(conn)) throw new AppError('DB_BUSY');
        return run(...args);
      };
    return Object.assign(guard(tx), { default: guard(tx.default), deferred: guard(tx.deferred), immediate: guard(tx.immediate), exclusive: guard(tx.exclusive) });
  }) as typeof conn.transaction;
}

export async function asBulkWrite<T>(conn: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  if (busy.has(conn)) throw new AppError('DB_BUSY');
  busy.add(conn);
  try {
    return await work();
  } finally {
    busy.delete(conn);
  }
}
