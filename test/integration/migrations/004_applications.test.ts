import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('migration 004 (applications)', () => {
  it('upgrades a version-3 database with a library to 4: users (with the system user), applications, scores, audit trail', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    conn.pragma('foreign_keys = ON');
    migrate(conn, 3);
    conn.prepare("INSERT INTO setting (key, value) VALUES ('lang', 'en')").run();
    expect(migrate(conn, 4)).toBe(4);
    expect(schemaVersion(conn)).toBe(4);
    expect(conn.prepare("SELECT value FROM setting WHERE key = 'lang'").pluck().get()).toBe('en');
    expect(conn.prepare('SELECT username, role, disabled FROM user').all()).toEqual([{ username: 'system', role: 'system', disabled: 1 }]);
    const at = '2026-11-22T00:00:00Z';
    conn.prepare(`INSERT INTO application (id, status, applicant_name, applicant_uscc, district, industry_code, amount_fen, term_months, input, created_by, created_at, updated_at)
      VALUES ('GA-20261122-AAAAAA', 'draft', 'x', 'y', '新会区', 'C4220', 100, 12, '{}', 0, ?, ?)`).run(at, at);
    expect(() => conn.prepare("UPDATE application SET status = 'paid'").run()).toThrow(/CHECK/);
    conn.prepare(`INSERT INTO score (application_id, model_id, input, input_hash, result, score, band, eligible, created_by, created_at)
      VALUES ('GA-20261122-AAAAAA', 'm', '{}', 'h', '{}', 1, 'E', 0, 0, ?)`).run(at);
    expect(() => conn.prepare('UPDATE score SET band = ?').run('A')).toThrow(/immutable/);
    expect(() => conn.prepare(`INSERT INTO score (application_id, model_id, input, input_hash, result, score, band, eligible, created_by, created_at)
      VALUES ('GA-NOPE', 'm', '{}', 'h', '{}', 1, 'E', 0, 0, ?)`).run(at)).toThrow(/FOREIGN KEY/);
    conn.close();
  });
});
