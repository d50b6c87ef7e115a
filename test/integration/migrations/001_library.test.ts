import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('migration 001 (library)', () => {
  it('upgrades an empty database (version 0) to 1 with the library tables', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    expect(schemaVersion(conn)).toBe(0);
    expect(migrate(conn, 1)).toBe(1);
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['library_state', 'project', 'project_version']);
    expect(() =>
      conn.prepare("INSERT INTO library_state (id, version, issuer, issued_at, synced_at, source) VALUES (2, 1, 'x', 'x', 'x', 'demo')").run(),
    ).toThrow(/CHECK/);
    conn.close();
  });
});
