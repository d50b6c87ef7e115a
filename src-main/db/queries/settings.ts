import type BetterSqlite3 from 'better-sqlite3';
import type { ReadDb } from '../open.js';

export async function getSetting(db: ReadDb, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** The same on a raw connection (read inside a write transaction, or synchronously). */
export function settingOf(conn: BetterSqlite3.Database, key: string): string | undefined {
  return conn.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
}
