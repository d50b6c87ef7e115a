/**
 * Opening the app database. Every connection sets its pragmas (WAL, synchronous=FULL, foreign keys) — a new
 * connection to an existing WAL file would otherwise read synchronous=NORMAL. Writes go through a WriteDb,
 * reads through a ReadDb (a read-only connection): the brands keep a query module from writing by accident.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { guardTransactions } from './bulk.js';
import { migrate } from './migrations/index.js';
import type { Database } from './schema.js';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

/** A kysely handle on the read-only connection. Query modules take this. */
export type ReadDb = Kysely<Database> & { readonly [readBrand]: true };
/** A kysely handle on the write connection. Mutation modules take this. */
export type WriteDb = Kysely<Database> & { readonly [writeBrand]: true };

export interface AppDb {
  readonly file: string;
  readonly read: ReadDb;
  readonly write: WriteDb;
  /** The raw write connection, for synchronous bulk work inside one transaction (imports). */
  readonly rawWrite: BetterSqlite3.Database;
  readonly rawRead: BetterSqlite3.Database;
  close(): Promise<void>;
}

export const PRAGMAS = { journal_mode: 'wal', synchronous: 2 /* FULL */, foreign_keys: 1 } as const;

function applyPragmas(conn: BetterSqlite3.Database, readonly: boolean): void {
  if (!readonly) conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): a 100,000-project library and its search index fit.
  conn.pragma('cache_size = -65536');
  if (readonly) conn.pragma('query_only = ON');
}

function kyselyOn(conn: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }), plugins: [new CamelCasePlugin()] });
}

export interface OpenOptions {
  /** Create the file (and its folder) if missing. Default true. */
  create?: boolean;
}

/** Opens (creating if allowed) and migrates the database at `file`, and returns both handles. */
export function openDatabase(file: string, opts: OpenOptions = {}): AppDb {
  const create = opts.create ?? true;
  if (!existsSync(file)) {
    if (!create) throw new AppError('DB_NOT_FOUND', { params: { file } });
    mkdirSync(dirname(file), { recursive: true });
  }
  let writer: BetterSqlite3.Database;
  try {
    writer = new BetterSqlite3(file);
    applyPragmas(writer, false);
    writer.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    throw new AppError('DB_OPEN_FAILED', { params: { file }, cause });
  }
  try {
    migrate(writer);
  } catch (e) {
    writer.close();
    throw e;
  }
  guardTransactions(writer);
  const reader = new BetterSqlite3(file, { readonly: true });
  applyPragmas(reader, true);
  const write = kyselyOn(writer) as WriteDb;
  const read = kyselyOn(reader) as ReadDb;
  let closed = false;
  return {
    file,
    read,
    write,
    rawWrite: writer,
    rawRead: reader,
    async close() {
      if (closed) return;
      closed = true;
      await read.destroy();
      await write.destroy();
      // kysely only closes a connection it has used; close both ourselves (the reader first, so the writer's
      // close, the last one, checkpoints and removes the WAL file).
      if (reader.open) reader.close();
      if (writer.open) writer.close();
    },
  };
}
