import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import type { Input } from '../../shared/contract/methods.js';
import { App } from '../../src-renderer/App.js';
import { useApplicationsStore } from '../../src-renderer/stores/applications.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_ID, APPROVER, detail, MODEL_ANSWER, OFFICER, summary } from './applications-fixtures.js';
import { APP_INFO, fakeClient, type Handlers } from './fake-client.js';
import { byText, click, render, waitFor } from './render.js';

const drawer = () => document.querySelector('.gd-detail-drawer');
const modal = () => document.querySelector('.ant-modal');

function button(root: Element | null, text: string): HTMLButtonElement | null {
  return (Array.from(root?.querySelectorAll('button') ?? []).find((b) => b.textContent?.replace(/\s/g, '') === text) as HTMLButtonElement) ?? null;
}

async function typeArea(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('no textarea');
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function openDetail(user: typeof OFFICER | typeof APPROVER | { id: number; username: string; displayName: string; role: 'admin' }, extra: Handlers = {}) {
  useUiStore.setState({ page: 'applications' });
  const transitions: Input<'applications.transition'>[] = [];
  let status: 'submitted' | 'approved' | 'rejected' = 'submitted';
  const client = fakeClient({
    'auth.status': () => ({ needsSetup: false, user }),
    'app.info': () => APP_INFO,
    'models.scoring': () => MODEL_ANSWER,
    'applications.list': () => ({ total: 1, items: [summary({ status })], counts: { submitted: 1 } }),
    'applications.get': () =>
      status === 'submitted'
        ? detail()
        : detail({
            status,
            actions: [],
            transitions: [
              ...detail().transitions,
              { action: status === 'approved' ? 'approve' : 'reject', fromStatus: 'submitted', toStatus: status, actor: { id: APPROVER.id, displayName: APPROVER.displayName, role: APPROVER.role }, reason: transitions.at(-1)?.reason ?? '', at: '2026-11-22T03:00:00.000Z' },
            ],
          }),
    'applications.transition': (i) => {
      transitions.push(i);
      status = i.action === 'approve' ? 'approved' : 'rejected';
      return { id: i.id, status };
    },
    ...extra,
  });
  await render(<App client={client} />);
  await waitFor(() => expect(document.querySelector('tr.gd-table-row')).not.toBeNull());
  await click(document.querySelector('tr.gd-table-row'));
  await waitFor(() => expect(drawer()?.textContent).toContain(APP_ID));
  return { client, transitions };
}

describe('the application in its drawer', () => {
  it('shows the score card, the history with model and hash, and the audit trail with who and when', async () => {
    await openDetail(APPROVER);
    const text = drawer()!.textContent!;
    expect(text).toContain('评分卡（最新评分）');
    expect(text).toContain('A1 碳效等级');
    expect(text).toContain('25 / 25');
    expect(text).toContain('碳排放强度 0.45 吨CO₂/万元');
    expect(text).toContain('LPR 3.00% + 20bp = 3.20%');
    expect(drawer()!.querySelector('[data-testid="score-history"]')?.textContent).toContain('jm-green-2026.1');
    expect(drawer()!.querySelector('[data-testid="score-history"]')?.textContent).toContain('aaaaaaaaaaaa');
    const trail = drawer()!.querySelector('[data-testid="audit-trail"]')!.textContent!;
    expect(trail).toContain('张伟（客户经理）');
    expect(trail).toContain('创建申请');
    expect(trail).toContain('提交审批');
    expect(trail).toContain('草稿 → 待审批');
  });

  it('approve needs a reason in the modal; the reason goes to the server and into the trail', async () => {
    const { client, transitions } = await openDetail(APPROVER);
    await click(button(drawer(), '批准'));
    await waitFor(() => expect(document.body.textContent).toContain('批准申请'));
    const ok = () => button(document.querySelector('.ant-modal-footer'), '批准');
    await click(ok());
    await waitFor(() => expect(document.body.textContent).toContain('请填写理由'));
    expect(transitions).toHaveLength(0);
    await typeArea(document.getElementById('gd-decision-reason'), '  符合条件，同意  ');
    await click(ok());
    await waitFor(() => expect(transitions).toHaveLength(1));
    expect(transitions[0]).toEqual({ id: APP_ID, action: 'approve', reason: '符合条件，同意' });
    await waitFor(() => expect(drawer()!.querySelector('[data-testid="audit-trail"]')?.textContent).toContain('李娜（审批人）'));
    expect(drawer()!.querySelector('[data-testid="audit-trail"]')?.textContent).toContain('理由：符合条件，同意');
    expect(drawer()!.querySelector('.gd-detail-title')?.textContent).toContain('已批准');
    expect(client.calls.filter((c) => c.method === 'applications.get').length).toBeGreaterThan(1);
  });

  it('reject needs a reason too', async () => {
    const { transitions } = await openDetail(APPROVER);
    await click(button(drawer(), '拒绝'));
    await waitFor(() => expect(document.body.textContent).toContain('拒绝申请'));
    const ok = () => button(document.querySelector('.ant-modal-footer'), '拒绝');
    await click(ok());
    await waitFor(() => expect(document.body.textContent).toContain('请填写理由'));
    await typeArea(document.getElementById('gd-decision-reason'), '碳排放强度高于行业平均，且无转型计划');
    await click(ok());
    await waitFor(() => expect(transitions).toEqual([{ id: APP_ID, action: 'reject', reason: '碳排放强度高于行业平均，且无转型计划' }]));
  });

  it('shows an error envelope from the server (MAKER_CHECKER) in the modal, as it came', async () => {
    await openDetail(APPROVER, {
      'applications.transition': () => {
        throw new ApiError({ code: 'MAKER_CHECKER', message: '不能审批自己经办的申请（经办与审批须分离）' });
      },
    });
    await click(button(drawer(), '批准'));
    await waitFor(() => expect(document.getElementById('gd-decision-reason')).not.toBeNull());
    await typeArea(document.getElementById('gd-decision-reason'), '同意');
    await click(button(document.querySelector('.ant-modal-footer'), '批准'));
    await waitFor(() => expect(document.querySelector('.ant-modal [role="alert"]')?.textContent).toContain('不能审批自己经办的申请'));
    expect(document.querySelector('.ant-modal [role="alert"]')?.textContent).toContain('MAKER_CHECKER');
    expect(modal()).not.toBeNull();
  });

  it('the maker of an application sees approve and reject disabled, with the maker-checker rule', async () => {
    const adminMaker = { id: OFFICER.id, username: 'boss', displayName: '行长', role: 'admin' as const };
    await openDetail(adminMaker);
    expect(button(drawer(), '批准')?.disabled).toBe(true);
    expect(button(drawer(), '拒绝')?.disabled).toBe(true);
  });

  it('opens the print view with the score sheet', async () => {
    await openDetail(APPROVER);
    await click(button(drawer(), '打印评分单'));
    await waitFor(() => expect(document.querySelector('[data-testid="score-sheet"]')?.textContent).toContain('绿色信贷评分单'));
    const sheet = document.querySelector('[data-testid="score-sheet"]')!.textContent!;
    for (const s of [APP_ID, '江门市绿能再生资源有限公司', '91440705MA5GD2026E', 'jm-green-2026.1', 'a'.repeat(64), '审批人签字', '客户经理（经办）签字', '3.20%']) {
      expect(sheet).toContain(s);
    }
    expect(useApplicationsStore.getState().view).toBe('print');
    expect(document.body.classList.contains('gd-printing')).toBe(true);
    // Browser mode: no host PDF, the print dialog's own "save as PDF" is the way.
    expect(document.querySelector('[data-testid="print-pdf"]')).toBeNull();
    await click(byText('返回')[0]!.closest('button'));
    expect(useApplicationsStore.getState().view).toBe('list');
    expect(document.body.classList.contains('gd-printing')).toBe(false);
  });

  it('in Electron, saves the sheet as a PDF through the host (printToPDF) under the application’s name', async () => {
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:test/pdf'), revokeObjectURL: vi.fn() });
    const click$ = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { client } = await openDetail(APPROVER, {
      'app.info': () => ({ ...APP_INFO, host: { pdf: true } }),
      'app.printPdf': ({ fileName }) => ({ fileName, contentBase64: btoa('%PDF-1.7 test') }),
    });
    await click(button(drawer(), '打印评分单'));
    await waitFor(() => expect((document.querySelector('[data-testid="print-pdf"]') as HTMLButtonElement | null)?.disabled).toBe(false));
    await click(document.querySelector('[data-testid="print-pdf"]'));
    await waitFor(() => expect(document.body.textContent).toContain(`已保存 评分单-${APP_ID}.pdf`));
    await waitFor(() => expect(saved).toEqual([`评分单-${APP_ID}.pdf`]));
    expect(client.calls.find((c) => c.method === 'app.printPdf')?.input).toEqual({ fileName: `评分单-${APP_ID}.pdf` });
    click$.mockRestore();
  });
});
