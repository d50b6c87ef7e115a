import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import { migration001 } from './001_library.js';
import { migration002 } from './002_settings.js';
import { migration003 } from './003_search.js';
import { migration004 } from './004_applications.js';
import { migration005 } from './005_postloan.js';
import { migration006 } from './006_sync.js';
import { migration007 } from './007_history.js';
import type { Migration } from './types.js';

/** Every migration, in order. Add a file and a test per migration; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations above the database's user_version, each in its own IMMEDIATE transaction together with
 * the version bump, so a crash leaves the database at a whole version. `upTo` stops early (for migration tests).
 */
export function migrate(db: BetterSqlite3.Database, upTo: number = SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new AppError('DB_NEWER_SCHEMA', { params: { found: current, supported: SCHEMA_VERSION } });
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
