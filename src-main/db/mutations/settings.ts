import { sql } from 'kysely';
import type { WriteDb } from '../open.js';

export async function putSetting(db: WriteDb, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` }))
    .execute();
}
