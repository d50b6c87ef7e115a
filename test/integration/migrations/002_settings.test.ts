import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('migration 002 (settings)', () => {
  it('upgrades a version-1 database with data to 2, keeping the data', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 1);
    conn
      .prepare("INSERT INTO library_state (id, version, issuer, issued_at, synced_at, source) VALUES (1, 7, '江门市金融工作局', '2026-11-01', '2026-11-02', 'import')")
      .run();
    expect(migrate(conn, 2)).toBe(2);
    expect(schemaVersion(conn)).toBe(2);
    expect(conn.prepare('SELECT version FROM library_state').pluck().get()).toBe(7);
    conn.prepare("INSERT INTO setting (key, value) VALUES ('lang', 'zh-CN')").run();
    const row = conn.prepare("SELECT value, updated_at FROM setting WHERE key = 'lang'").get() as { value: string; updated_at: string };
    expect(row.value).toBe('zh-CN');
    expect(row.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    conn.close();
  });

  it('a failing migration leaves the database at the previous whole version', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 1);
    conn.exec('CREATE TABLE setting (x INTEGER)'); // collides with 002's table
    expect(() => migrate(conn, 2)).toThrow(/already exists/);
    expect(schemaVersion(conn)).toBe(1);
    conn.close();
  });
});
