import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { WriteDb } from '../open.js';

export async function putSetting(db: WriteDb, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` }))
    .execute();
}

/** The same on a raw connection, for writes that share a transaction with others (a sync cursor and its data). */
export function putSettingIn(conn: BetterSqlite3.Database, key: string, value: string): void {
  conn
    .prepare(`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)
    .run(key, value);
}

export function deleteSettingIn(conn: BetterSqlite3.Database, key: string): void {
  conn.prepare('DELETE FROM setting WHERE key = ?').run(key);
}
