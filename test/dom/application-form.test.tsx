import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { App } from '../../src-renderer/App.js';
import { useApplicationDraftStore } from '../../src-renderer/stores/applicationDraft.js';
import { useApplicationFormStore } from '../../src-renderer/stores/applicationForm.js';
import { useApplicationsStore } from '../../src-renderer/stores/applications.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_ID, GOOD_INPUT, MODEL_ANSWER, savedScore } from './applications-fixtures.js';
import { APP_INFO, fakeClient, project, type Handlers } from './fake-client.js';
import { byText, click, render, waitFor } from './render.js';

const handlers: Handlers = {
  'app.info': () => APP_INFO,
  'models.scoring': () => MODEL_ANSWER,
  'applications.list': () => ({ total: 0, items: [], counts: {} }),
  'library.get': (i) => {
    if (i.id === 'JM-GP-2024-00001') return project(i.id);
    throw new ApiError({ code: 'NOT_FOUND', message: `未找到：${i.id}` });
  },
};

async function type(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('type: no element');
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const panel = () => document.querySelector('[data-testid="score-panel"]')!;
const liveScore = () => document.querySelector('[data-testid="live-score"]')?.textContent ?? '';
const eligibility = () => document.querySelector('[data-testid="eligibility"]')?.textContent ?? '';
const factor = (code: string) => panel().querySelector(`[data-factor="${code}"]`)?.textContent ?? '';

async function openForm(extra: Handlers = {}) {
  useUiStore.setState({ page: 'applications' });
  const client = fakeClient({ ...handlers, ...extra });
  await render(<App client={client} />);
  await waitFor(() => expect(byText('新建授信申请').length).toBeGreaterThan(0));
  await click(byText('新建授信申请')[0]!.closest('button'));
  await waitFor(() => expect(liveScore()).not.toBe(''));
  return client;
}

async function goToStep(title: string) {
  const step = byText(title).find((el) => el.closest('.ant-steps'));
  await click(step?.closest('.ant-steps-item')?.querySelector('[role="button"]') ?? step);
  await waitFor(() => expect(document.querySelector('.gd-step-card .ant-card-head-title')?.textContent).toBe(title));
}

async function clickLabel(text: string) {
  const label = byText(text)[0]?.closest('label');
  await click(label?.querySelector('input') ?? label);
}

describe('the guided form and its live score', () => {
  it('checks the credit code as it is typed and names the industry code', async () => {
    await openForm();
    await type(document.getElementById('f-applicant-uscc'), '91440705MA5GD20261');
    await waitFor(() => expect(document.querySelector('[data-field="applicant.uscc"]')?.textContent).toContain('校验位不正确'));
    await type(document.getElementById('f-applicant-uscc'), '91440705ma5gd2026e');
    await waitFor(() => expect(document.querySelector('[data-field="applicant.uscc"]')?.textContent).toContain('校验位正确'));
    expect((document.getElementById('f-applicant-uscc') as HTMLInputElement).value).toBe('91440705MA5GD2026E');
    await type(document.getElementById('f-applicant-industry'), 'C9999');
    await waitFor(() => expect(document.querySelector('[data-field="applicant.industryCode"]')?.textContent).toContain('没有该大类'));
    await type(document.getElementById('f-applicant-industry'), 'C3071');
    await waitFor(() => expect(document.querySelector('[data-field="applicant.industryCode"]')?.textContent).toContain('C3071'));
    // Ceramics is high-carbon: the cap is announced next to the code, and appears in the live panel.
    expect(document.querySelector('[data-field="applicant.industryCode"]')?.textContent).toContain('高碳行业');
    await waitFor(() => expect(panel().querySelector('[data-testid="explanations"]')?.textContent).toContain('高碳行业无转型计划'));
  });

  it('updates the live panel as fields change: green → red makes it blocked and not eligible, in plain words', async () => {
    await openForm();
    await act(async () => useApplicationFormStore.getState().update(() => ({ ...useApplicationFormStore.getState().values, ...formOf() })));
    await waitFor(() => expect(eligibility()).toBe('符合绿色贷款条件'));
    const before = liveScore();
    await goToStep('环境信用');
    await clickLabel('绿牌（环保诚信）');
    await waitFor(() => expect(factor('C')).toContain('25/25'));
    expect(Number(liveScore())).toBeGreaterThan(Number(before));
    expect(document.querySelector('[data-testid="pricing-line"]')?.textContent).toMatch(/^LPR 3\.00% [+−] \d+bp = \d\.\d\d%$/);

    await clickLabel('红牌（环保不良）');
    await waitFor(() => expect(eligibility()).toBe('不符合'));
    const explained = panel().querySelector('[data-testid="explanations"]')!.textContent!;
    expect(explained).toContain('环境信用红牌');
    expect(explained).toContain('ENV_CREDIT_RED');
    expect(explained).toContain('环境信用评价为红牌（环保不良）：不得新增授信');
    expect(panel().textContent).toContain('不适用绿色定价');
    expect(factor('C')).toContain('0/25');
  });

  it('a missing optional block scores 0 with its reason, and never breaks the panel', async () => {
    await openForm();
    await goToStep('碳排放');
    await click(document.querySelector('[data-testid="carbon-switch"]'));
    await waitFor(() => expect(factor('A1')).toContain('未提供碳排放强度'));
    expect(factor('A1')).toContain('0/25');
    expect(panel().querySelector('[data-testid="explanations"]')?.textContent).toContain('DATA_QUALITY_5');
    expect(document.body.textContent).toContain('未提供碳排放数据');
    await goToStep('固体废物');
    await click(document.querySelector('[data-testid="waste-switch"]'));
    await waitFor(() => expect(factor('B1')).toContain('未提供固体废物数据'));
    // Half-typed numbers do not crash anything.
    await goToStep('贷款信息');
    await type(document.getElementById('f-loan-amount'), '-');
    await type(document.getElementById('f-loan-project'), 'JM-GP-2024-00001');
    await waitFor(() => expect(document.querySelector('[data-testid="linked-project"]')?.textContent).toContain('新会区光伏储能项目1'));
    await waitFor(() => expect(factor('D')).toContain('15/15'));
    await type(document.getElementById('f-loan-project'), 'JM-XX-0000');
    await waitFor(() => expect(document.querySelector('[data-testid="linked-project"]')?.textContent).toContain('本地项目库中没有该项目编号'));
    await waitFor(() => expect(factor('D')).toContain('不在本地项目库中'));
  });

  it('what-if shows how band and rate would move, on a copy that is never saved', async () => {
    const client = await openForm();
    await act(async () => useApplicationFormStore.getState().update(() => ({ ...useApplicationFormStore.getState().values, ...formOf() })));
    await goToStep('结果');
    const whatIf = () => document.querySelector('[data-testid="what-if"]')!;
    await waitFor(() => expect(whatIf()).not.toBeNull());
    expect(whatIf().querySelector('[data-testid="what-if-summary"]')?.textContent).toContain('79 分');
    expect(whatIf().querySelector('[data-testid="what-if-summary"]')?.textContent).toContain('3.20%');
    // Each scenario alone: utilisation 80% → B1 12 (+4), still B; one card better (blue → green) +7.
    expect(whatIf().querySelector('[data-scenario="utilisation"]')?.textContent).toContain('评分 +4');
    expect(whatIf().querySelector('[data-scenario="envCreditUp"]')?.textContent).toContain('蓝牌 → 绿牌');
    expect(whatIf().querySelector('[data-scenario="transitionPlan"]')?.textContent).toContain('评分 ±0');
    await click(whatIf().querySelector('[data-scenario="utilisation"] button[role="switch"]'));
    await click(whatIf().querySelector('[data-scenario="envCreditUp"] button[role="switch"]'));
    const summary = whatIf().querySelector('[data-testid="what-if-summary"]')!.textContent!;
    expect(summary).toContain('所选情景合计');
    expect(summary).toContain('90 分');
    expect(summary).toContain('评级 B → A');
    expect(summary).toContain('3.20%');
    expect(summary).toContain('3.05%');
    expect(summary).toContain('利率 −15bp');
    // The live panel and the form are unchanged, and nothing went to the server.
    expect(liveScore()).toBe('79');
    expect(useApplicationFormStore.getState().values.envCredit.rating).toBe('blue');
    expect(client.calls.some((c) => c.method.startsWith('applications.') && c.method !== 'applications.list')).toBe(false);
  });

  it('Ctrl+S with missing fields lists them and jumps to their step; complete, it saves the draft in 元', async () => {
    const client = await openForm({
      'applications.create': () => ({ id: APP_ID }),
      'applications.update': (i) => ({ id: i.id }),
      'applications.score': () => savedScore(),
    });
    await goToStep('碳排放');
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    });
    await waitFor(() => expect(document.body.textContent).toContain('请先补充或修正以下内容'));
    expect(document.querySelector('.gd-step-card .ant-card-head-title')?.textContent).toBe('企业信息');
    expect(document.querySelector('[data-field="applicant.name"]')?.textContent).toContain('必填');
    expect(client.calls.some((c) => c.method === 'applications.create')).toBe(false);

    await act(async () => useApplicationFormStore.getState().update(() => ({ ...useApplicationFormStore.getState().values, ...formOf() })));
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    });
    await waitFor(() => expect(client.calls.some((c) => c.method === 'applications.create')).toBe(true));
    const sent = client.calls.find((c) => c.method === 'applications.create')!.input as { input: typeof GOOD_INPUT };
    expect(sent.input.loan.amountYuan).toBe(30_000_000);
    expect(sent.input.applicant).toEqual(GOOD_INPUT.applicant);
    expect(sent.input.carbon).toEqual(GOOD_INPUT.carbon);
    await waitFor(() => expect(useApplicationFormStore.getState().id).toBe(APP_ID));

    // 评分并保存 shows the saved, immutable score with its model id.
    await click(byText('评分并保存')[0]!.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="saved-score"]')?.textContent).toContain('jm-green-2026.1'));
    expect(document.querySelector('[data-testid="saved-score"]')?.textContent).toContain('不可修改');
    expect(client.calls.find((c) => c.method === 'applications.score')?.input).toEqual({ id: APP_ID });
  });

  it('Enter moves to the next field, and from the last field to the next step', async () => {
    await openForm();
    const name = document.getElementById('f-applicant-name') as HTMLInputElement;
    name.focus();
    await act(async () => {
      name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement?.id).toBe('f-applicant-uscc');
    const industry = document.getElementById('f-applicant-industry') as HTMLInputElement;
    industry.focus();
    await act(async () => {
      industry.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    await waitFor(() => expect(document.querySelector('.gd-step-card .ant-card-head-title')?.textContent).toBe('贷款信息'));
  });

  it('a project started from the library prefills the applicant and the linked project', async () => {
    useApplicationDraftStore.setState({
      project: { id: 'JM-GP-2024-00001', name: '新会区光伏储能项目1', ownerName: '江门市绿源能源有限公司1', ownerUscc: '91440705MA5GD2026E', district: '新会区', industryCode: 'D4416', category: 'energy_transition' },
    });
    useUiStore.setState({ page: 'applications' });
    await render(<App client={fakeClient(handlers)} />);
    await waitFor(() => expect(document.getElementById('f-applicant-name')).not.toBeNull());
    expect((document.getElementById('f-applicant-name') as HTMLInputElement).value).toBe('江门市绿源能源有限公司1');
    expect(useApplicationFormStore.getState().values.loan).toMatchObject({ projectId: 'JM-GP-2024-00001', greenCategory: 'energy_transition' });
    expect(useApplicationDraftStore.getState().project).toBeNull();
    expect(useApplicationsStore.getState().view).toBe('form');
  });
});

/** The form values of GOOD_INPUT (79 points, band B, 3.20%). */
function formOf() {
  return {
    applicant: { ...GOOD_INPUT.applicant },
    loan: { amountWan: 3000, termMonths: 36, riskSpreadBps: 45, greenCategory: 'resource_recycling' as const, projectId: '' },
    carbonOn: true,
    carbon: { intensity: 0.45, industryAverage: 0.8, previousIntensity: 0.5, dataQuality: 2, annualEmissionsT: null, verifiedReductionT: null },
    wasteOn: true,
    waste: { generatedT: 1000, utilizedT: 700, stockpileUtilizedT: null, intensity: null, previousIntensity: null },
    envCredit: { rating: 'blue' as const, year: 2025 },
  };
}
