// Post-loan checks against a real database: filling from the library, cross-loan duplicate invoices, saving, the CLI.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import { checkWithDb, saveCheck } from '../../src-main/services/checks.js';
import { runLibraryImport } from '../../src-main/services/library-import/import.js';
import { SYSTEM_USER } from '../../src-main/services/users.js';
import { runGreendesk } from '../helpers/cli.js';
import { writeJson } from '../helpers/library-files.js';
import { project, snapshot, uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

async function setup(): Promise<{ db: AppDb; dir: string }> {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'c.db'));
  await runLibraryImport(db, writeJson(dir, 'lib.json', snapshot(4, [project(1), project(2, { status: 'withdrawn' })])), { now: new Date('2026-10-01T02:00:00Z') });
  return { db, dir };
}

const check = (loanId: string, over: Record<string, unknown> = {}) => ({
  asOf: '2026-11-22',
  loan: { id: loanId, borrowerUscc: uscc(100), amountYuan: 10_000_000, disbursedYuan: 5_000_000, agreedPurposes: ['equipment'], projectId: 'JM-GP-2024-00001' },
  project: { totalInvestmentYuan: 30_000_000, physicalProgressPct: 40, milestones: [] },
  payments: [{ id: 'P1', date: '2026-02-01', amountYuan: 2_000_000, payeeName: '设备公司', payeeUscc: uscc(300), payeeAccount: 'corporate', purpose: 'equipment', invoiceNo: '44001234', attachments: 1 }],
  ...over,
});

describe('checks against the database', () => {
  it('fills the project’s library status and the library’s freshness from the database; the input wins', async () => {
    const { db } = await setup();
    const r = checkWithDb(db, check('L-1'));
    expect(r.input.project.libraryStatus).toBe('listed');
    expect(r.input.librarySyncedAt).toBe('2026-10-01');
    expect(r.result.verdict).toBe('compliant');
    const withdrawn = checkWithDb(db, check('L-1', { loan: { ...check('L-1').loan, projectId: 'JM-GP-2024-00002' } }));
    expect(withdrawn.result.flags.map((f) => f.code)).toEqual(['PROJECT_WITHDRAWN']);
    const given = checkWithDb(db, check('L-1', { project: { ...check('L-1').project, libraryStatus: 'withdrawn' }, librarySyncedAt: '2026-01-01' }));
    expect(given.result.flags.map((f) => f.code)).toEqual(['PROJECT_WITHDRAWN', 'STALE_LIBRARY']);
    await db.close();
  });

  it('finds an invoice another loan already used, once saved', async () => {
    const { db } = await setup();
    expect(checkWithDb(db, check('L-2')).result.flags).toEqual([]);
    const first = saveCheck(db, SYSTEM_USER, check('L-1'));
    expect(first.checkId).toBeGreaterThan(0);
    const second = checkWithDb(db, check('L-2'));
    expect(second.result.flags.map((f) => [f.code, f.evidence.otherLoans])).toEqual([['DUPLICATE_INVOICE', ['L-1/P1']]]);
    expect(second.result.verdict).toBe('suspected_misuse');
    // Re-checking the same loan with the same payment is not a duplicate of itself.
    expect(saveCheck(db, SYSTEM_USER, check('L-1')).run.result.flags).toEqual([]);
    expect(() => db.rawWrite.prepare("UPDATE check_record SET verdict = 'compliant'").run()).toThrow(/immutable/);
    await db.close();
  });
});

describe('greendesk check', () => {
  it('prints the result; --save records it; bad input exits 2 with the field', async () => {
    const { db, dir } = await setup();
    await db.close();
    const file = writeJson(dir, 'check.json', check('L-9', { payments: [{ ...check('L-9').payments[0], purpose: 'securities' }] }));
    const r = runGreendesk(['check', file, '--db', db.file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ model: 'jm-postloan-2026.1', verdict: 'suspected_misuse', nextCheckDue: '2026-12-22', flags: [{ code: 'PROHIBITED_USE', severity: 'high' }] });
    const saved = runGreendesk(['check', file, '--db', db.file, '--save', '--json']);
    expect(JSON.parse(saved.stdout).checkId).toBe(1);
    const human = runGreendesk(['check', file, '--db', db.file]);
    expect(human.stdout).toContain('疑似违规挪用');
    const bad = runGreendesk(['check', writeJson(dir, 'bad.json', check('L-9', { payments: [{ ...check('L-9').payments[0], purpose: 'gambling' }] })), '--db', db.file]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: 'VALIDATION', path: 'payments.0.purpose' });
  });
});
