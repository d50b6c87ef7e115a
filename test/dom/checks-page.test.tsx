import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckForm } from '../../src-renderer/checks/CheckForm.js';
import { ChecksPage } from '../../src-renderer/checks/ChecksPage.js';
import type { DueItem } from '../../src-renderer/checks/model.js';
import { fakeClient } from './fake-client.js';
import { renderWith } from './library-helpers.js';
import { byText, click, waitFor } from './render.js';

const LOAN: DueItem = {
  loanId: 'GA-20261101-ABC123', borrowerName: '江门市绿能再生资源有限公司', amountFen: 1_000_000_000, disbursedFen: 800_000_000, greenStatus: 'green',
  lastCheckAsOf: null, lastVerdict: null, nextDue: '2026-10-01', overdueDays: 53,
};

async function setText(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('setText: no element');
  await act(async () => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const TSV = [
  '2026-02-01\t2,000,000\t江门市设备制造有限公司\t\t对公\t设备购置\tINV-001\t1',
  '2026/3/5\t50万\t江门市证券营业部\t\t对公\t证券投资\tINV-002\t0',
  'not-a-date\tabc\t张三\t\t私户\t炒股\t\t',
].join('\n');

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="payments-grid"] tr[data-payment]'));

describe('ChecksPage', () => {
  it('shows the counts by verdict and the due list in the server order (overdue first, days in red)', async () => {
    const client = fakeClient({
      'loans.due': () => ({
        items: [LOAN, { ...LOAN, loanId: 'GA-20261102-XYZ789', borrowerName: '台山市光伏有限公司', overdueDays: 0, nextDue: '2026-12-30', lastVerdict: 'compliant', lastCheckAsOf: '2026-10-01' }],
        counts: { overdue: 1, suspected_misuse: 0, needs_rectification: 0, compliant: 1, unchecked: 1 },
      }),
      'applications.list': () => ({ total: 0, items: [], counts: {} }),
    });
    await renderWith(client, <ChecksPage />);
    await waitFor(() => expect(document.querySelectorAll('[data-testid="due-table"] tbody tr.ant-table-row')).toHaveLength(2));
    const count = (k: string) => document.querySelector(`[data-testid="count-${k}"]`)!.textContent;
    expect(count('overdue')).toContain('逾期');
    expect(count('overdue')).toContain('1');
    expect(count('unchecked')).toContain('未检查');
    expect(count('compliant')).toContain('合规');
    const trs = document.querySelectorAll('[data-testid="due-table"] tbody tr.ant-table-row');
    expect(trs[0]!.textContent).toContain('GA-20261101-ABC123');
    expect(trs[0]!.textContent).toContain('1,000.00');
    expect(trs[0]!.textContent).toContain('未检查');
    expect(trs[0]!.querySelector('[data-testid="overdue-days"]')?.textContent).toBe('53');
    expect(trs[1]!.textContent).toContain('合规');
    for (const h of ['贷款编号', '借款人', '金额(万元)', '已放款(万元)', '上次检查', '结论', '下次检查', '逾期天数']) expect(byText(h).length).toBeGreaterThan(0);
  });
});

describe('CheckForm', () => {
  const preview = (input: unknown) => {
    const i = input as { payments: { id: string; purpose: string; amountYuan: number; date: string; payeeName: string }[]; asOf: string };
    const flags = i.payments.filter((p) => p.purpose === 'securities').map((p) => ({
      code: 'PROHIBITED_USE', severity: 'high' as const, message: `支付 ${p.id} 用于“证券投资”`, evidence: { paymentId: p.id, purpose: p.purpose },
    }));
    return { model: 'jm-postloan-2026.1', verdict: flags.length ? ('suspected_misuse' as const) : ('compliant' as const), flags, actions: [], nextCheckDue: flags.length ? '2026-12-23' : '2027-02-21' };
  };

  it('fills the grid from a pasted 3-row Excel block, with the bad row showing its errors', async () => {
    const client = fakeClient({ 'checks.preview': ({ input }) => preview(input), 'loans.get': () => { throw new Error('none'); } });
    await renderWith(client, <CheckForm loan={LOAN} asOf="2026-11-23" canSave onSaved={() => {}} />);
    await setText(document.querySelector('[data-testid="payments-paste"]'), TSV);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => r.getAttribute('data-payment'))).toEqual(['P1', 'P2', 'P3']);
    const inputs = (r: HTMLElement) => Array.from(r.querySelectorAll('input')).map((i) => i.value);
    expect(inputs(rows()[0]!)).toContain('2000000');
    expect(inputs(rows()[1]!)).toContain('2026-03-05');
    expect(inputs(rows()[1]!)).toContain('500000');
    expect(rows()[1]!.textContent).toContain('证券投资');
    expect(rows()[0]!.querySelector('[data-testid="row-error"]')).toBeNull();
    const err = rows()[2]!.querySelector('[data-testid="row-error"]')?.textContent ?? '';
    expect(err).toContain('日期格式应为 YYYY-MM-DD');
    expect(err).toContain('金额不是有效数字');
    expect(err).toContain('炒股');
    expect(document.querySelector('[data-testid="paste-summary"]')?.textContent).toBe('已粘贴 2 行，1 行有错误');
  });

  it('previews on the server as the user types and puts each flag beside its payment; saves and records a measure', async () => {
    const client = fakeClient({
      'checks.preview': ({ input }) => preview(input),
      'checks.save': ({ input }) => ({ checkId: 7, result: preview(input) }),
      'checks.addMeasure': () => ({ id: 1 }),
      'loans.get': () => { throw new Error('none'); },
    });
    let saved = 0;
    await renderWith(client, <CheckForm loan={LOAN} asOf="2026-11-23" canSave onSaved={() => saved++} />);
    await setText(document.querySelector('[data-testid="payments-paste"]'), TSV);
    await waitFor(() => expect(document.querySelector('[data-testid="live-verdict"]')?.textContent).toBe('疑似违规挪用'), 4000);
    const previews = client.calls.filter((c) => c.method === 'checks.preview');
    const last = previews.at(-1)!.input as { input: { payments: { id: string }[]; loan: { id: string; amountYuan: number; disbursedYuan: number } } };
    expect(last.input.payments.map((p) => p.id)).toEqual(['P1', 'P2']); // the bad row waits until fixed
    expect(last.input.loan).toMatchObject({ id: LOAN.loanId, amountYuan: 10_000_000, disbursedYuan: 8_000_000 });
    expect(document.querySelector('[data-testid="live-next-due"]')?.textContent).toBe('2026-12-23');
    const marks = (id: string) => Array.from(document.querySelectorAll(`[data-testid="payment-flags"][data-payment="${id}"] [data-testid="flag-mark"]`)).map((m) => m.getAttribute('data-code'));
    expect(marks('P2')).toEqual(['PROHIBITED_USE']);
    expect(marks('P1')).toEqual([]);
    expect(document.querySelector('[data-testid="flag-list"] li[data-code="PROHIBITED_USE"]')).not.toBeNull();

    await click(byText('保存检查')[0]!.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="measures-panel"]')).not.toBeNull());
    expect(saved).toBe(1);
    expect(client.calls.some((c) => c.method === 'checks.save')).toBe(true);
    await setText(document.querySelector('#ms-reason'), '资金流入证券账户，暂停后续放款');
    await click(byText('记录措施')[0]!.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="measure-item"]')).not.toBeNull());
    const add = client.calls.find((c) => c.method === 'checks.addMeasure')!.input;
    expect(add).toEqual({ checkId: 7, measure: 'disbursement_suspended', reason: '资金流入证券账户，暂停后续放款', deadline: '2026-12-23' });
  });

  it('starts from the loan as registered and its last check; lists the evidence on file; uploads new evidence for a payment', async () => {
    const loanView = {
      loanId: LOAN.loanId, applicationId: LOAN.loanId, borrowerName: LOAN.borrowerName, borrowerUscc: '91440705MA5GD2026E', amountFen: 1_000_000_000,
      disbursedFen: 800_000_000, agreedPurposes: ['equipment', 'construction'] as ('equipment' | 'construction')[], relatedPartyUsccs: ['91440705MA4UXXXX0X'], cerf: true,
      thirdPartyVerified: false, greenCategory: 'resource_recycling', projectId: null, greenStatus: 'green' as const, status: 'active' as const, payments: 4,
      attachments: [{ id: 3, paymentRef: 'P1', kind: 'invoice', fileName: '发票-001.pdf', size: 2048, sha256: 'a'.repeat(64), mime: 'application/pdf', createdAt: '2026-10-02T00:00:00.000Z' }],
      lastCheck: {
        checkId: 2, asOf: '2026-10-01', verdict: 'needs_rectification',
        input: { project: { totalInvestmentYuan: 30_000_000, otherFinancingYuan: 5_000_000, physicalProgressPct: 40, milestones: [{ name: '设备安装', due: '2026-09-30', evidence: false }] }, benefits: { expectedCarbonReductionT: 5000 }, envCredit: { rating: 'blue' } },
      },
    };
    const staged: string[] = [];
    const client = fakeClient({
      'checks.preview': ({ input }) => preview(input),
      'loans.get': () => loanView,
      'files.stageBegin': ({ name }) => (staged.push(name), { stagedId: 'f'.repeat(32) }),
      'files.stageChunk': ({ dataBase64 }) => ({ received: atob(dataBase64).length }),
      'files.stageEnd': () => ({ stagedId: 'f'.repeat(32), name: '现场照片.png', size: 8, sha256: 'b'.repeat(64) }),
      'attachments.add': ({ kind, paymentRef }) => ({ id: 9, kind, fileName: `现场照片-${paymentRef}.png`, size: 8, sha256: 'b'.repeat(64), mime: 'image/png' }),
    });
    await renderWith(client, <CheckForm loan={LOAN} asOf="2026-11-23" canSave onSaved={() => {}} />);
    await waitFor(() => expect((document.querySelector('#ck-uscc') as HTMLInputElement).value).toBe('91440705MA5GD2026E'));
    const form = document.querySelector('[data-testid="check-form"]')!;
    expect(form.querySelector('[data-field="agreedPurposes"]')!.textContent).toContain('设备购置');
    expect(form.querySelector('[data-field="agreedPurposes"]')!.textContent).toContain('工程建设');
    expect((document.querySelector('#ck-related') as HTMLTextAreaElement).value).toBe('91440705MA4UXXXX0X');
    expect(Array.from(form.querySelectorAll('input')).map((i) => (i as HTMLInputElement).value)).toEqual(expect.arrayContaining(['30000000', '5000000', '40', '设备安装', '2026-09-30', '5000']));
    expect(document.querySelector('[data-testid="evidence-on-file"]')?.textContent).toContain('发票-001.pdf');
    // The live check carries the registered terms.
    await waitFor(() => expect((client.calls.filter((c) => c.method === 'checks.preview').at(-1)?.input as { input: { loan: { agreedPurposes: string[]; cerf: boolean } } })?.input.loan).toMatchObject({ agreedPurposes: ['equipment', 'construction'], cerf: true }));

    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '现场照片.png', { type: 'image/png' });
    const input = rows()[0]!.querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(rows()[0]!.querySelector('[data-testid="evidence-file"]')?.textContent).toBe('现场照片-P1.png'));
    expect(staged).toEqual(['现场照片.png']);
    expect(client.calls.find((c) => c.method === 'attachments.add')?.input).toEqual({ loanId: LOAN.loanId, paymentRef: 'P1', kind: 'invoice', stagedId: 'f'.repeat(32) });
  });
});
