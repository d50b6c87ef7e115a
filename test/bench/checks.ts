// Post-loan checks: checks per second for loans with 200 payments each, and duplicate-invoice detection
// against 1,000,000 stored payments (the indexed look-up the check uses).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { usccCheckChar } from '../../shared/domain/uscc.js';
import { DEFAULT_POSTLOAN_RULES } from '../../shared/postloan/default-rules.js';
import { runCheck } from '../../shared/postloan/engine.js';
import { checkInputSchema, type CheckInput } from '../../shared/postloan/input.js';
import { openDatabase } from '../../src-main/db/open.js';
import { checkWithDb } from '../../src-main/services/checks.js';

const code = (n: number) => {
  const first17 = `91440703${String(n).padStart(8, '0')}X`;
  return first17 + usccCheckChar(first17);
};
const PURPOSES = ['equipment', 'construction', 'raw_materials', 'wages', 'securities', 'other'] as const;

function loanCheck(i: number): CheckInput {
  return checkInputSchema.parse({
    asOf: '2026-11-22',
    loan: { id: `L-${i}`, borrowerUscc: code(i), amountYuan: 50_000_000, disbursedYuan: 30_000_000, agreedPurposes: ['equipment', 'construction', 'raw_materials'], relatedPartyUsccs: [code(i + 1)] },
    project: { totalInvestmentYuan: 80_000_000, otherFinancingYuan: 10_000_000, physicalProgressPct: 45, milestones: [{ name: '设备安装', due: '2026-09-30', evidence: i % 2 === 0 }] },
    payments: Array.from({ length: 200 }, (_, j) => ({
      id: `P${j}`, date: '2026-06-01', amountYuan: 100_000 + j, payeeName: `供应商${j}`, payeeUscc: code(10_000 + j), payeeAccount: j % 50 === 0 ? 'personal' : 'corporate',
      purpose: PURPOSES[j % PURPOSES.length], invoiceNo: `INV-${i}-${j % 190}`, attachments: j % 7 === 0 ? 0 : 1,
    })),
    benefits: { expectedCarbonReductionT: 5000, actualCarbonReductionT: 3000 + i },
    librarySyncedAt: '2026-10-01',
  });
}

export function benchChecks(report: (name: string, value: string) => void): void {
  const checks = Array.from({ length: 500 }, (_, i) => loanCheck(i));
  for (const c of checks.slice(0, 50)) runCheck(c, DEFAULT_POSTLOAN_RULES);
  let t = performance.now();
  for (const c of checks) runCheck(c, DEFAULT_POSTLOAN_RULES);
  const ms = performance.now() - t;
  report('post-loan checks, 200 payments each (engine)', `${Math.round(checks.length / (ms / 1000)).toLocaleString('en')} checks/s`);

  const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-checks-'));
  try {
    const db = openDatabase(join(dir, 'checks.db'));
    const rows = Number(process.env.BENCH_PAYMENTS ?? 1_000_000);
    const at = new Date().toISOString();
    db.rawWrite.prepare("INSERT INTO loan (id, borrower_name, borrower_uscc, amount_fen, agreed_purposes, created_by, created_at) VALUES ('L-OLD', 'x', ?, 1, '[]', 0, ?)").run(code(1), at);
    const ins = db.rawWrite.prepare(
      "INSERT INTO payment (loan_id, ref, date, amount_fen, payee_name, payee_account, purpose, invoice_no, invoice_key, created_at) VALUES ('L-OLD', ?, '2025-01-01', 100, 'p', 'corporate', 'equipment', ?, ?, ?)",
    );
    t = performance.now();
    db.rawWrite.transaction(() => {
      for (let i = 0; i < rows; i++) ins.run(`P${i}`, `OLD-${i}`, `OLD-${i}`, at);
    })();
    report(`store ${rows.toLocaleString('en')} payments`, `${(performance.now() - t).toFixed(0)} ms`);
    const input = loanCheck(9);
    input.payments[0]!.invoiceNo = 'OLD-777777';
    checkWithDb(db, input);
    t = performance.now();
    const n = 50;
    let found = 0;
    for (let i = 0; i < n; i++) found += checkWithDb(db, input).result.flags.filter((f) => f.code === 'DUPLICATE_INVOICE').length;
    const per = (performance.now() - t) / n;
    report(`check (200 payments) against ${rows.toLocaleString('en')} stored payments`, `${per.toFixed(2)} ms per check (${found / n} duplicate found)`);
    void db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
