import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('migration 005 (post-loan)', () => {
  it('upgrades a version-4 database with an application to 5: loans, payments indexed by invoice, immutable checks', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    conn.pragma('foreign_keys = ON');
    migrate(conn, 4);
    const at = '2026-11-22T00:00:00Z';
    conn.prepare(`INSERT INTO application (id, status, applicant_name, applicant_uscc, district, industry_code, amount_fen, term_months, input, created_by, created_at, updated_at)
      VALUES ('GA-20261122-AAAAAA', 'approved', '企业', 'u', '新会区', 'C4220', 100, 12, '{}', 0, ?, ?)`).run(at, at);
    expect(migrate(conn, 5)).toBe(5);
    expect(schemaVersion(conn)).toBe(5);
    expect(conn.prepare('SELECT status FROM application').pluck().get()).toBe('approved');
    conn.prepare(`INSERT INTO loan (id, application_id, borrower_name, borrower_uscc, amount_fen, agreed_purposes, created_by, created_at)
      VALUES ('GA-20261122-AAAAAA', 'GA-20261122-AAAAAA', '企业', 'u', 100, '["equipment"]', 0, ?)`).run(at);
    conn.prepare(`INSERT INTO payment (loan_id, ref, date, amount_fen, payee_name, payee_account, purpose, invoice_no, invoice_key, created_at)
      VALUES ('GA-20261122-AAAAAA', 'P1', '2026-01-01', 1, 'p', 'corporate', 'equipment', 'a1', 'A1', ?)`).run(at);
    expect(() => conn.prepare(`INSERT INTO payment (loan_id, ref, date, amount_fen, payee_name, payee_account, purpose, created_at)
      VALUES ('GA-20261122-AAAAAA', 'P1', '2026-01-01', 1, 'p', 'corporate', 'equipment', ?)`).run(at)).toThrow(/UNIQUE/);
    const plan = conn.prepare("EXPLAIN QUERY PLAN SELECT loan_id FROM payment WHERE invoice_key IN ('A1') AND loan_id <> 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/payment_invoice_idx/);
    conn.prepare(`INSERT INTO check_record (loan_id, rules_id, as_of, input, input_hash, result, verdict, next_due, created_by, created_at)
      VALUES ('GA-20261122-AAAAAA', 'r', '2026-11-22', '{}', 'h', '{}', 'compliant', '2027-02-20', 0, ?)`).run(at);
    expect(() => conn.prepare("UPDATE check_record SET verdict = 'suspected_misuse'").run()).toThrow(/immutable/);
    expect(() => conn.prepare("UPDATE loan SET green_status = 'gone'").run()).toThrow(/CHECK/);
    conn.close();
  });
});
