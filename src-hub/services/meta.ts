/** The hub's identity: a random id made on first use, so devices can tell one hub from another. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';

export async function hubId(db: Kysely<HubDatabase>): Promise<string> {
  const row = await db.selectFrom('hubMeta').select('value').where('key', '=', 'hub.id').executeTakeFirst();
  if (row) return row.value;
  await db.insertInto('hubMeta').values({ key: 'hub.id', value: randomUUID() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('hubMeta').select('value').where('key', '=', 'hub.id').executeTakeFirstOrThrow()).value;
}
