// The default post-loan rules jm-postloan-2026.1 exactly as DOMAIN.md defines them: each rule firing and not at its edges.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTLOAN_RULES as R, loadPostloanRules } from '../../shared/postloan/default-rules.js';
import { runCheck, type OtherInvoices } from '../../shared/postloan/engine.js';
import { checkInputSchema, type CheckInput } from '../../shared/postloan/input.js';
import { uscc } from '../helpers/projects.js';

const BORROWER = uscc(100);
const RELATED = uscc(200);
const SUPPLIER = uscc(300);

/** A clean check: no rule fires. */
function clean(over: Record<string, unknown> = {}): CheckInput {
  return checkInputSchema.parse({
    asOf: '2026-11-22',
    loan: { id: 'L-2026-0001', borrowerUscc: BORROWER, amountYuan: 10_000_000, disbursedYuan: 5_000_000, agreedPurposes: ['equipment', 'construction'], relatedPartyUsccs: [RELATED], projectId: 'JM-GP-2024-00001' },
    project: { totalInvestmentYuan: 30_000_000, otherFinancingYuan: 5_000_000, physicalProgressPct: 40, libraryStatus: 'listed', milestones: [{ name: '设备安装', due: '2026-09-30', evidence: true }] },
    payments: [{ id: 'P1', date: '2026-02-01', amountYuan: 2_000_000, payeeName: '江门市设备有限公司', payeeUscc: SUPPLIER, payeeAccount: 'corporate', purpose: 'equipment', invoiceNo: '44001234', attachments: 1 }],
    benefits: { expectedCarbonReductionT: 5000, actualCarbonReductionT: 3500 },
    envCredit: { rating: 'blue' },
    newViolations: [],
    librarySyncedAt: '2026-10-01',
    ...over,
  });
}
const pay = (over: Record<string, unknown>) => ({ id: 'P9', date: '2026-03-01', amountYuan: 100_000, payeeName: '某公司', payeeUscc: SUPPLIER, payeeAccount: 'corporate', purpose: 'equipment', invoiceNo: 'INV-9', attachments: 0, ...over });
const codes = (c: CheckInput, others?: OtherInvoices) => runCheck(c, R, others).flags.map((f) => f.code);
const withPayments = (...p: Record<string, unknown>[]) => clean({ payments: p.map(pay) });

describe('a clean check', () => {
  it('raises no flag: compliant, next check in 90 days', () => {
    expect(runCheck(clean(), R)).toEqual({ model: 'jm-postloan-2026.1', verdict: 'compliant', flags: [], actions: [], nextCheckDue: '2027-02-20' });
  });
});

describe('payment rules (one flag per offending payment)', () => {
  it.each(['real_estate', 'securities', 'wealth_management', 'dividends', 'equity_investment', 'private_lending', 'repay_debt'])('PROHIBITED_USE for %s (high), not also PURPOSE_MISMATCH', (purpose) => {
    const r = runCheck(withPayments({ purpose }), R);
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([['PROHIBITED_USE', 'high']]);
    expect(r.flags[0]!.evidence).toMatchObject({ paymentId: 'P9', purpose, amountYuan: 100_000 });
    expect(r.verdict).toBe('suspected_misuse');
  });
  it('a prohibited purpose that was agreed is not flagged', () => {
    const c = clean({ payments: [pay({ purpose: 'repay_debt' })], loan: { ...clean().loan, agreedPurposes: ['equipment', 'repay_debt'] } });
    expect(codes(c)).toEqual([]);
  });
  it('PURPOSE_MISMATCH (medium) for a purpose outside the agreed ones, once per payment', () => {
    const r = runCheck(withPayments({ id: 'A', purpose: 'wages', invoiceNo: 'I-A' }, { id: 'B', purpose: 'other', invoiceNo: 'I-B' }, { id: 'C', purpose: 'construction', invoiceNo: 'I-C' }), R);
    expect(r.flags.map((f) => [f.code, f.evidence.paymentId])).toEqual([['PURPOSE_MISMATCH', 'A'], ['PURPOSE_MISMATCH', 'B']]);
    expect(r.verdict).toBe('needs_rectification');
    expect(r.nextCheckDue).toBe('2027-02-20');
  });
  it.each([
    ['the borrower itself', { payeeUscc: BORROWER }, 'borrower'],
    ['a declared related party', { payeeUscc: RELATED }, 'related_party'],
    ['a personal account', { payeeAccount: 'personal', payeeUscc: undefined }, 'personal_account'],
  ])('PAYEE_RELATED_OR_PERSONAL when the payee is %s', (_n, over, reason) => {
    const r = runCheck(withPayments(over), R);
    expect(r.flags.map((f) => [f.code, f.severity, f.evidence.reason])).toEqual([['PAYEE_RELATED_OR_PERSONAL', 'high', reason]]);
  });
  it('MISSING_EVIDENCE (low) only with neither invoice nor attachment', () => {
    expect(codes(withPayments({ invoiceNo: undefined, attachments: 0 }))).toEqual(['MISSING_EVIDENCE']);
    expect(codes(withPayments({ invoiceNo: '', attachments: 0 }))).toEqual(['MISSING_EVIDENCE']);
    expect(codes(withPayments({ invoiceNo: undefined, attachments: 1 }))).toEqual([]);
    expect(codes(withPayments({ invoiceNo: 'X1', attachments: 0 }))).toEqual([]);
    const r = runCheck(withPayments({ invoiceNo: undefined }), R);
    expect([r.verdict, r.actions]).toEqual(['compliant', ['NOTE_ON_FILE']]);
  });
});

describe('DUPLICATE_INVOICE (one flag per invoice number)', () => {
  it('within the check: two payments with one invoice (case and spaces ignored)', () => {
    const r = runCheck(withPayments({ id: 'A', invoiceNo: 'inv-1' }, { id: 'B', invoiceNo: ' INV-1 ' }, { id: 'C', invoiceNo: 'INV-2' }), R);
    expect(r.flags.map((f) => [f.code, f.evidence.invoiceNo, f.evidence.paymentIds])).toEqual([['DUPLICATE_INVOICE', 'INV-1', ['A', 'B']]]);
  });
  it('across loans: an invoice another loan already used', () => {
    const others: OtherInvoices = new Map([['INV-9', [{ loanId: 'L-2025-0042', paymentId: 'P3' }]]]);
    const r = runCheck(withPayments({}), R, others);
    expect(r.flags.map((f) => [f.code, f.severity, f.evidence.otherLoans])).toEqual([['DUPLICATE_INVOICE', 'high', ['L-2025-0042/P3']]]);
    expect(r.flags[0]!.message).toContain('L-2025-0042');
  });
  it('the same loan’s own earlier record of the payment is not a duplicate', () => {
    expect(codes(withPayments({}), new Map([['INV-9', [{ loanId: 'L-2026-0001', paymentId: 'P9' }]]]))).toEqual([]);
  });
});

describe('loan and project rules', () => {
  it('OVER_FINANCING when loan + other financing exceeds total investment (equal is fine)', () => {
    const p = clean().project;
    expect(codes(clean({ project: { ...p, otherFinancingYuan: 20_000_000 } }))).toEqual([]);
    const r = runCheck(clean({ project: { ...p, otherFinancingYuan: 20_000_000.01 } }), R);
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([['OVER_FINANCING', 'high']]);
    expect(r.flags[0]!.evidence.excessYuan).toBeCloseTo(0.01);
  });
  it('DRAWDOWN_AHEAD_OF_PROGRESS when the disbursed share exceeds progress by more than 20 points', () => {
    const at = (disbursedYuan: number, physicalProgressPct: number) =>
      codes(clean({ loan: { ...clean().loan, disbursedYuan }, project: { ...clean().project, physicalProgressPct } }));
    expect(at(6_000_000, 40)).toEqual([]); // 60 − 40 = 20: not more than 20
    expect(at(6_001_000, 40)).toEqual(['DRAWDOWN_AHEAD_OF_PROGRESS']);
    expect(at(10_000_000, 79)).toEqual(['DRAWDOWN_AHEAD_OF_PROGRESS']);
    expect(at(10_000_000, 80)).toEqual([]);
  });
  it('MILESTONE_NO_EVIDENCE for each milestone past its due date without evidence', () => {
    const ms = [
      { name: '土建完工', due: '2026-11-21', evidence: false },
      { name: '设备到货', due: '2026-11-22', evidence: false }, // due today: not past
      { name: '试运行', due: '2026-06-30', evidence: false },
      { name: '环评验收', due: '2026-01-01', evidence: true },
    ];
    const r = runCheck(clean({ project: { ...clean().project, milestones: ms } }), R);
    expect(r.flags.map((f) => [f.code, f.evidence.milestone])).toEqual([['MILESTONE_NO_EVIDENCE', '土建完工'], ['MILESTONE_NO_EVIDENCE', '试运行']]);
  });
  it('PROJECT_WITHDRAWN (high) when the library status is withdrawn', () => {
    expect(runCheck(clean({ project: { ...clean().project, libraryStatus: 'withdrawn' } }), R).flags.map((f) => [f.code, f.severity])).toEqual([['PROJECT_WITHDRAWN', 'high']]);
    expect(codes(clean({ project: { ...clean().project, libraryStatus: 'in_operation' } }))).toEqual([]);
  });
  it('BENEFIT_SHORTFALL below 70% of the expected carbon reduction or waste utilised', () => {
    expect(codes(clean({ benefits: { expectedCarbonReductionT: 5000, actualCarbonReductionT: 3500 } }))).toEqual([]);
    expect(codes(clean({ benefits: { expectedCarbonReductionT: 5000, actualCarbonReductionT: 3499 } }))).toEqual(['BENEFIT_SHORTFALL']);
    const r = runCheck(clean({ benefits: { expectedCarbonReductionT: 5000, actualCarbonReductionT: 1000, expectedWasteUtilizedT: 100, actualWasteUtilizedT: 69 } }), R);
    expect(r.flags.map((f) => [f.code, f.evidence.metric, f.evidence.achievedPct])).toEqual([['BENEFIT_SHORTFALL', 'carbon', 20], ['BENEFIT_SHORTFALL', 'waste', 69]]);
    expect(codes(clean({ benefits: { expectedCarbonReductionT: 0, actualCarbonReductionT: 0 } }))).toEqual([]);
  });
  it('CERF_UNVERIFIED for a CERF loan without third-party verification', () => {
    expect(codes(clean({ loan: { ...clean().loan, cerf: true } }))).toEqual(['CERF_UNVERIFIED']);
    expect(codes(clean({ loan: { ...clean().loan, cerf: true, thirdPartyVerified: true } }))).toEqual([]);
  });
});

describe('ENV_CREDIT_DOWNGRADE (one flag, the highest severity that applies)', () => {
  it.each([
    ['yellow', [], 'medium'],
    ['red', [], 'high'],
    ['yellow', [{ date: '2026-10-01', kind: 'fine' }], 'high'],
    ['green', [{ date: '2026-10-01', kind: 'production_halt' }], 'high'],
  ] as const)('%s with %o new violations → %s', (rating, newViolations, severity) => {
    const r = runCheck(clean({ envCredit: { rating }, newViolations }), R);
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([['ENV_CREDIT_DOWNGRADE', severity]]);
  });
  it.each(['green', 'blue', 'unrated'] as const)('%s without violations → none', (rating) => {
    expect(codes(clean({ envCredit: { rating } }))).toEqual([]);
  });
});

describe('STALE_LIBRARY (low)', () => {
  it('more than 90 days since the last pull or import, or no record at all', () => {
    expect(codes(clean({ librarySyncedAt: '2026-08-24' }))).toEqual([]); // exactly 90 days
    expect(codes(clean({ librarySyncedAt: '2026-08-23' }))).toEqual(['STALE_LIBRARY']);
    const none = runCheck(clean({ librarySyncedAt: undefined }), R);
    expect(none.flags.map((f) => [f.code, f.severity])).toEqual([['STALE_LIBRARY', 'low']]);
    expect(none.flags[0]!.message).toContain('没有同步或导入记录');
  });
});

describe('verdict, actions and schedule', () => {
  it('any high → suspected_misuse, the high and lower actions, next check in 30 days', () => {
    const r = runCheck(clean({ payments: [pay({ purpose: 'securities' }), pay({ id: 'P10', purpose: 'wages', invoiceNo: undefined })] }), R);
    expect(r.verdict).toBe('suspected_misuse');
    expect(r.actions).toEqual(['SUSPEND_DISBURSEMENT', 'ESCALATE_RISK_COMMITTEE', 'CONSIDER_EARLY_RECALL', 'CONSIDER_GREEN_LABEL_REMOVAL', 'RECTIFY_WITHIN_30_DAYS', 'FOLLOW_UP_CHECK', 'NOTE_ON_FILE']);
    expect(r.nextCheckDue).toBe('2026-12-22');
  });
  it('a rules document is validated at load', () => {
    expect(() => loadPostloanRules({ ...R, severities: { ...R.severities, PROHIBITED_USE: 'critical' } })).toThrow(expect.objectContaining({ code: 'MODEL_INVALID', path: 'severities.PROHIBITED_USE' }));
    const strict = loadPostloanRules({ ...R, id: 'bank-postloan-1', thresholds: { ...R.thresholds, drawdownAheadPoints: 10 } });
    expect(runCheck(clean({ loan: { ...clean().loan, disbursedYuan: 5_100_000 } }), strict).flags.map((f) => f.code)).toEqual(['DRAWDOWN_AHEAD_OF_PROGRESS']);
  });
  it('refuses impossible input: disbursed above the loan, repeated payment ids', () => {
    const base = clean();
    expect(checkInputSchema.safeParse({ ...base, loan: { ...base.loan, disbursedYuan: 20_000_000 } }).error?.issues[0]?.message).toBe('DISBURSED_OVER_AMOUNT');
    expect(checkInputSchema.safeParse({ ...base, payments: [pay({}), pay({})] }).error?.issues[0]?.message).toBe('DUPLICATE_PAYMENT_ID');
  });
});
