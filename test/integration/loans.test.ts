// Loans after approval through the dispatch: register, disburse, the due list and schedule, measures, the timeline.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openAppApi } from '../../src-main/api/app.js';
import { createUser } from '../../src-main/services/users.js';
import { uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const PW = 'correct horse 1';

async function setup() {
  const app = openAppApi(join(tempDir(), 'loans.db'));
  for (const [username, role] of [['officer', 'loan_officer'], ['approver', 'approver'], ['compliance', 'compliance']] as const) {
    await createUser(app.db, { username, displayName: username, role, password: PW });
  }
  const as = async (username: string) => {
    const r = await app.dispatch('auth.login', { username, password: PW });
    const sessionId = (r as { value: { sessionId: string } }).value.sessionId;
    return async (method: string, input: unknown) => {
      const res = await app.dispatch(method, input, { sessionId });
      if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
      return res.value as Record<string, unknown>;
    };
  };
  const officer = await as('officer');
  const approver = await as('approver');
  const compliance = await as('compliance');
  const { id } = (await officer('applications.create', {
    input: {
      asOf: '2026-06-01',
      applicant: { name: '江门市五邑环保科技有限公司', uscc: uscc(5), district: '蓬江区', industryCode: 'C4220' },
      loan: { amountYuan: 10_000_000, termMonths: 36, riskSpreadBps: 40, greenCategory: 'resource_recycling' },
      carbon: { intensity: 0.5, industryAverage: 1, previousIntensity: 0.6, dataQuality: 2 },
      envCredit: { rating: 'green' },
    },
  })) as { id: string };
  await officer('applications.score', { id });
  await officer('applications.transition', { id, action: 'submit' });
  await approver('applications.transition', { id, action: 'approve' });
  return { app, id, officer, compliance };
}

const checkInput = (loanId: string, over: Record<string, unknown> = {}) => ({
  asOf: '2026-07-20',
  loan: { id: loanId, borrowerUscc: uscc(5), amountYuan: 10_000_000, disbursedYuan: 4_000_000, agreedPurposes: ['equipment'], relatedPartyUsccs: [], cerf: false, thirdPartyVerified: false },
  project: { milestones: [] },
  payments: [{ id: 'P1', date: '2026-07-01', amountYuan: 100_000, payeeName: '供应商', payeeUscc: uscc(9), payeeAccount: 'corporate', purpose: 'dividends', invoiceNo: 'F-1', attachments: 0 }],
  newViolations: [],
  librarySyncedAt: '2026-07-01',
  ...over,
});

describe('loans after approval', () => {
  it('register, disburse, and the first check falls due 30 days after the first disbursement', async () => {
    const { app, id, officer, compliance } = await setup();
    expect(await compliance('loans.due', { asOf: '2026-06-10' })).toEqual({ items: [], counts: { suspected_misuse: 0, needs_rectification: 0, compliant: 0, unchecked: 0, overdue: 0 } });
    await compliance('loans.register', { applicationId: id, agreedPurposes: ['equipment', 'construction'] });
    await expect(compliance('loans.register', { applicationId: id, agreedPurposes: ['equipment'] })).rejects.toMatchObject({ code: 'LOAN_EXISTS' });
    await expect(compliance('loans.disburse', { loanId: id, date: '2026-06-15', amountYuan: 1 })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    await officer('loans.disburse', { loanId: id, date: '2026-06-15', amountYuan: 4_000_000 });
    await expect(officer('loans.disburse', { loanId: id, date: '2026-06-16', amountYuan: 6_000_000.01 })).rejects.toMatchObject({ code: 'DISBURSED_OVER_AMOUNT' });
    const due = await compliance('loans.due', { asOf: '2026-07-20' });
    expect(due.items).toEqual([expect.objectContaining({ loanId: id, disbursedFen: 400_000_000, nextDue: '2026-07-15', overdueDays: 5, lastVerdict: null })]);
    expect(due.counts).toMatchObject({ unchecked: 1, overdue: 1 });
    await app.close();
  });

  it('a check with a high flag schedules the next in 30 days; measures are recorded and the green label can be removed', async () => {
    const { app, id, officer, compliance } = await setup();
    await compliance('loans.register', { applicationId: id, agreedPurposes: ['equipment'] });
    await officer('loans.disburse', { loanId: id, date: '2026-06-15', amountYuan: 4_000_000 });
    const preview = await compliance('checks.preview', { input: checkInput(id) });
    expect(preview).toMatchObject({ verdict: 'suspected_misuse', nextCheckDue: '2026-08-19' });
    const saved = (await compliance('checks.save', { input: checkInput(id) })) as { checkId: number };
    await expect(officer('checks.save', { input: checkInput(id) })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    await expect(compliance('checks.addMeasure', { checkId: saved.checkId, measure: 'warning', reason: ' ' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await compliance('checks.addMeasure', { checkId: saved.checkId, measure: 'disbursement_suspended', reason: '资金用于分红' });
    await compliance('checks.addMeasure', { checkId: saved.checkId, measure: 'green_label_removed', reason: '挪用，移出绿色贷款统计' });
    await expect(officer('loans.disburse', { loanId: id, date: '2026-07-25', amountYuan: 100 })).rejects.toMatchObject({ code: 'DISBURSEMENT_SUSPENDED' });
    const due = await compliance('loans.due', { asOf: '2026-07-21' });
    expect(due.items).toEqual([expect.objectContaining({ nextDue: '2026-08-19', overdueDays: 0, lastVerdict: 'suspected_misuse', greenStatus: 'removed' })]);
    const timeline = (await compliance('loans.timeline', { loanId: id })).items as { kind: string; at: string }[];
    expect(timeline.map((e) => e.kind)).toEqual(['disbursement', 'payment', 'check', 'measure', 'measure']);
    await app.close();
  });
});

describe('a loan as the check form starts from (loans.get)', () => {
  it('its terms as registered, the disbursed sum, evidence on file and the last check', async () => {
    const { app, id, officer, compliance } = await setup();
    await expect(compliance('loans.get', { loanId: id })).rejects.toMatchObject({ code: 'NOT_FOUND', path: 'loanId' });
    await compliance('loans.register', { applicationId: id, agreedPurposes: ['equipment', 'construction'], relatedPartyUsccs: [uscc(7)], cerf: true });
    await officer('loans.disburse', { loanId: id, date: '2026-06-15', amountYuan: 3_000_000 });
    await officer('loans.disburse', { loanId: id, date: '2026-06-20', amountYuan: 1_000_000 });
    let loan = await compliance('loans.get', { loanId: id });
    expect(loan).toMatchObject({
      loanId: id, applicationId: id, borrowerName: '江门市五邑环保科技有限公司', borrowerUscc: uscc(5), amountFen: 1_000_000_000, disbursedFen: 400_000_000,
      agreedPurposes: ['equipment', 'construction'], relatedPartyUsccs: [uscc(7)], cerf: true, thirdPartyVerified: false, greenCategory: 'resource_recycling',
      payments: 0, attachments: [], lastCheck: null,
    });
    await compliance('checks.save', { input: checkInput(id, { project: { totalInvestmentYuan: 30_000_000, physicalProgressPct: 35, milestones: [{ name: '设备安装', due: '2026-09-30', evidence: false }] } }) });
    loan = await compliance('loans.get', { loanId: id });
    expect(loan).toMatchObject({ payments: 1, lastCheck: { asOf: '2026-07-20', verdict: 'suspected_misuse', input: { project: { totalInvestmentYuan: 30_000_000, physicalProgressPct: 35 } } } });
    await app.close();
  });
});
