import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open.js';
import { SCHEMA_VERSION } from '../../src-main/db/migrations/index.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

function pragmas(conn: BetterSqlite3.Database) {
  return {
    journal: conn.pragma('journal_mode', { simple: true }),
    synchronous: conn.pragma('synchronous', { simple: true }),
    foreignKeys: conn.pragma('foreign_keys', { simple: true }),
  };
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL and foreign_keys=ON on both connections, also when reopening', async () => {
    const file = join(tempDir(), 'app.db');
    for (let round = 0; round < 2; round++) {
      const db = openDatabase(file);
      for (const conn of [db.rawWrite, db.rawRead]) {
        expect(pragmas(conn)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1 });
      }
      expect(db.rawWrite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      await db.close();
    }
  });

  it('the read handle cannot write', async () => {
    const db = openDatabase(join(tempDir(), 'app.db'));
    await expect(db.read.insertInto('setting').values({ key: 'k', value: 'v' } as never).execute()).rejects.toThrow(/readonly/i);
    await db.close();
  });

  it('enforces foreign keys', async () => {
    const db = openDatabase(join(tempDir(), 'app.db'));
    expect(() =>
      db.rawWrite.prepare("INSERT INTO project_version (project_id, library_version, data, changed) VALUES ('nope', 1, '{}', '[]')").run(),
    ).toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('refuses to create a missing file when create is false', () => {
    expect(() => openDatabase(join(tempDir(), 'missing.db'), { create: false })).toThrow(expect.objectContaining({ code: 'DB_NOT_FOUND' }));
  });

  it('reports a file that is not a database as DB_OPEN_FAILED and leaves it as it was', () => {
    const file = join(tempDir(), 'junk.db');
    writeFileSync(file, 'this is not an sqlite database, just text '.repeat(200));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_OPEN_FAILED' }));
  });

  it('refuses a database from a newer GreenDesk', async () => {
    const file = join(tempDir(), 'new.db');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_NEWER_SCHEMA' }));
  });
});
