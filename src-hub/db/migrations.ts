/**
 * The hub's schema, one numbered migration at a time, in plain SQL that SQLite and PostgreSQL both take (the only
 * difference, an auto-numbered key, is spelt per dialect). Applied in one transaction per migration; on
 * PostgreSQL an advisory lock keeps two hub processes starting together from migrating at once.
 */
import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from './schema.js';

export type Dialect = 'sqlite' | 'pg';

interface HubMigration {
  version: number;
  name: string;
  statements: (d: Dialect) => string[];
}

const serial = (d: Dialect) => (d === 'pg' ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT');

export const HUB_MIGRATIONS: readonly HubMigration[] = [
  {
    version: 1,
    name: 'hub',
    statements: (d) => [
      `CREATE TABLE hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE hub_branch (id ${serial(d)}, bank TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (bank, name))`,
      `CREATE TABLE hub_enrollment (
         code_hash TEXT PRIMARY KEY, branch_id INTEGER NOT NULL REFERENCES hub_branch (id),
         created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_by TEXT, used_at TEXT)`,
      `CREATE TABLE hub_device (
         id TEXT PRIMARY KEY, branch_id INTEGER NOT NULL REFERENCES hub_branch (id), name TEXT NOT NULL,
         public_key TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL,
         last_seq INTEGER NOT NULL DEFAULT 0, last_seen_at TEXT, revoked INTEGER NOT NULL DEFAULT 0)`,
      `CREATE TABLE hub_library_version (
         version INTEGER PRIMARY KEY, issuer TEXT NOT NULL, issued_at TEXT NOT NULL, published_at TEXT NOT NULL,
         inserted INTEGER NOT NULL, updated INTEGER NOT NULL, withdrawn INTEGER NOT NULL, unchanged INTEGER NOT NULL,
         total INTEGER NOT NULL)`,
      `CREATE TABLE hub_project (id TEXT PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL)`,
      `CREATE TABLE hub_project_version (
         project_id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, changed TEXT NOT NULL,
         PRIMARY KEY (project_id, version))`,
      `CREATE INDEX hub_project_version_by_version ON hub_project_version (version, project_id)`,
      `CREATE TABLE hub_model (
         seq ${serial(d)}, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, bank TEXT, document TEXT NOT NULL,
         activate INTEGER NOT NULL, published_at TEXT NOT NULL)`,
      `CREATE TABLE hub_push (
         hub_seq ${serial(d)}, device_id TEXT NOT NULL REFERENCES hub_device (id), seq INTEGER NOT NULL,
         hash TEXT NOT NULL, kind TEXT NOT NULL, entity_id TEXT NOT NULL, status TEXT NOT NULL, code TEXT,
         message TEXT, path TEXT, payload TEXT NOT NULL, device_created_at TEXT NOT NULL, received_at TEXT NOT NULL,
         via TEXT NOT NULL, UNIQUE (device_id, seq))`,
      `CREATE TABLE hub_record (
         device_id TEXT NOT NULL REFERENCES hub_device (id), kind TEXT NOT NULL, entity_id TEXT NOT NULL,
         bank TEXT NOT NULL, branch_id INTEGER NOT NULL, state TEXT NOT NULL, device_seq INTEGER NOT NULL,
         hub_seq INTEGER NOT NULL, verified INTEGER NOT NULL, updated_at TEXT NOT NULL,
         PRIMARY KEY (device_id, kind, entity_id))`,
      `CREATE INDEX hub_record_by_bank ON hub_record (bank, kind)`,
    ],
  },
];

export const HUB_SCHEMA_VERSION = HUB_MIGRATIONS.length;

export async function migrateHub(db: Kysely<HubDatabase>, dialect: Dialect): Promise<number> {
  await sql.raw('CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)').execute(db);
  return db.transaction().execute(async (trx) => {
    if (dialect === 'pg') await sql`SELECT pg_advisory_xact_lock(4733700)`.execute(trx);
    else await sql.raw('UPDATE hub_schema SET version = version WHERE 0 = 1').execute(trx); // takes the write lock first
    const row = await sql<{ version: number }>`SELECT version FROM hub_schema`.execute(trx);
    let current = row.rows[0] ? Number(row.rows[0].version) : 0;
    if (!row.rows[0]) await sql`INSERT INTO hub_schema (version) VALUES (0)`.execute(trx);
    if (current > HUB_SCHEMA_VERSION) throw new Error(`hub schema ${current} is newer than this program (${HUB_SCHEMA_VERSION})`);
    for (const m of HUB_MIGRATIONS) {
      if (m.version <= current) continue;
      for (const s of m.statements(dialect)) await sql.raw(s).execute(trx);
      await sql`UPDATE hub_schema SET version = ${m.version}`.execute(trx);
      current = m.version;
    }
    return current;
  });
}
