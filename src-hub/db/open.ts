/**
 * Opening the hub's database: embedded SQLite in a data folder (DIR/hub.db) by default, PostgreSQL with a URL.
 * The same kysely code runs on both. The hub keeps no state outside the database, so several hub processes can
 * serve one PostgreSQL database behind a load balancer.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../../shared/errors.js';
import { migrateHub, type Dialect } from './migrations.js';
import type { HubDatabase } from './schema.js';

export interface HubDb {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  /** For messages: the file or the database URL without its password. */
  where: string;
  close(): Promise<void>;
}

export type HubTarget = { dataDir: string } | { pgUrl: string; schema?: string; poolSize?: number };

// PostgreSQL's int8 (count(*), sums) comes back as text by default; our counts fit in a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://…';
  }
}

export async function openHubDb(target: HubTarget): Promise<HubDb> {
  if ('dataDir' in target) {
    const dir = resolve(target.dataDir);
    const file = join(dir, 'hub.db');
    let conn: BetterSqlite3.Database;
    try {
      mkdirSync(dir, { recursive: true });
      conn = new BetterSqlite3(file);
      conn.pragma('journal_mode = WAL');
      conn.pragma('synchronous = FULL');
      conn.pragma('foreign_keys = ON');
      conn.pragma('busy_timeout = 15000');
    } catch (cause) {
      throw new AppError('DB_OPEN_FAILED', { params: { file }, cause });
    }
    const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: conn }), plugins: [new CamelCasePlugin()] });
    await migrateHub(db, 'sqlite');
    return {
      db,
      dialect: 'sqlite',
      where: file,
      async close() {
        await db.destroy();
        if (conn.open) conn.close();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.pgUrl,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  try {
    await migrateHub(db, 'pg');
  } catch (cause) {
    await db.destroy().catch(() => undefined);
    if (cause instanceof Error && /ECONNREFUSED|ENOTFOUND|password authentication|does not exist|timeout/i.test(cause.message)) {
      throw new AppError('HUB_DB_UNREACHABLE', { params: { where: redact(target.pgUrl), detail: cause.message.slice(0, 200) }, cause });
    }
    throw cause;
  }
  return { db, dialect: 'pg', where: redact(target.pgUrl), close: () => db.destroy() };
}
