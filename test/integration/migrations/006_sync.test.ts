import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('migration 006 (sync)', () => {
  it('upgrades a version-5 database with an application to 6: the outbox, the library pull and the sync log', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    conn.pragma('foreign_keys = ON');
    migrate(conn, 5);
    const at = '2026-11-22T00:00:00Z';
    conn.prepare(`INSERT INTO application (id, status, applicant_name, applicant_uscc, district, industry_code, amount_fen, term_months, input, created_by, created_at, updated_at)
      VALUES ('GA-20261122-AAAAAA', 'draft', '企业', 'u', '新会区', 'C4220', 100, 12, '{}', 0, ?, ?)`).run(at, at);
    expect(migrate(conn, 6)).toBe(6);
    expect(schemaVersion(conn)).toBe(6);
    expect(conn.prepare('SELECT count(*) FROM application').pluck().get()).toBe(1);
    // The outbox is numbered by its primary key: 1, 2, … with no gaps, states checked.
    conn.prepare("INSERT INTO outbox (seq, kind, entity_id, payload, hash, created_at) VALUES (1, 'application', 'GA-20261122-AAAAAA', '{}', 'h', ?)").run(at);
    expect(conn.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 0 });
    expect(() => conn.prepare("INSERT INTO outbox (seq, kind, entity_id, payload, hash, created_at) VALUES (1, 'application', 'x', '{}', 'h', ?)").run(at)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => conn.prepare("INSERT INTO outbox (seq, kind, entity_id, payload, hash, created_at) VALUES (2, 'user', 'x', '{}', 'h', ?)").run(at)).toThrow(/CHECK/);
    expect(() => conn.prepare("UPDATE outbox SET state = 'lost'").run()).toThrow(/CHECK/);
    const plan = conn.prepare("EXPLAIN QUERY PLAN SELECT seq FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 10").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/outbox_state_idx/);
    // One pull at a time.
    const pull = "INSERT INTO library_pull (id, mode, from_version, to_version, issuer, issued_at, started_at, updated_at) VALUES (1, 'delta', 3, 4, 'i', 'd', ?, ?)";
    conn.prepare(pull).run(at, at);
    expect(() => conn.prepare(pull.replace('(1,', '(2,')).run(at, at)).toThrow(/CHECK/);
    expect(conn.prepare('SELECT cursor, done, received FROM library_pull').get()).toEqual({ cursor: '', done: 0, received: 0 });
    conn.close();
  });
});
