import type { ReadDb } from '../open.js';

export async function getSetting(db: ReadDb, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}
