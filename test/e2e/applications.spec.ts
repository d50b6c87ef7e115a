// 授信申请 end to end in real Chromium against the real server and database (browser mode, demo data): a loan
// officer fills the guided form while the live score follows, saves and scores, submits; the approver finds it in
// 待我审批 and approves with a reason; the audit trail names both; the printable score sheet becomes a PDF.
import { readFileSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { usccCheckChar } from '../../shared/domain/uscc.js';
import { signIn, signOut } from './sign-in.js';

/** Calls the API from the page with its token and session (what the app's own client sends). */
type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function rpc<T>(page: Page, method: string, input: unknown): Promise<Envelope<T>> {
  const body = await page.evaluate(
    async ([m, i]) => {
      const store = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const res = await fetch(`/rpc/${m}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-GreenDesk-Token': store.getItem('greendesk.token') ?? '',
          'X-GreenDesk-Session': store.getItem('greendesk.session') ?? '',
        },
        body: JSON.stringify(i),
      });
      return (await res.json()) as unknown;
    },
    [method, input] as const,
  );
  return body as Envelope<T>;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(new RegExp(`^${label}`)).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

const USCC_BASE = '91440705MA5GD2026';
const USCC = USCC_BASE + usccCheckChar(USCC_BASE)!;
const WRONG_USCC = USCC_BASE + (USCC.endsWith('1') ? '2' : '1');

test('officer fills the form with a live score, scores and submits; the approver approves; the sheet prints to PDF', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await signIn(page, 'zhangwei');
  await expect(page.getByTestId('user-menu')).toContainText('张伟');
  await expect(page.getByTestId('user-menu')).toContainText('客户经理');

  // A listed project of the demo library to link the loan to.
  const listed = await rpc<{ items: { id: string; name: string }[] }>(page, 'library.list', { category: 'resource_recycling', status: 'listed', pageSize: 1 });
  expect(listed.ok).toBe(true);
  const project = listed.ok ? listed.value.items[0]! : { id: '', name: '' };

  await page.getByRole('navigation').getByText('授信申请', { exact: true }).click();
  await expect(page.locator('h1')).toHaveText('授信申请');
  await page.getByRole('button', { name: '新建授信申请' }).click();
  await expect(page.locator('h1')).toHaveText('新建授信申请');
  const panel = page.getByTestId('score-panel');
  const score = page.getByTestId('live-score');
  await expect(score).toBeVisible();
  const empty = await score.innerText();

  // 企业信息: Enter moves to the next field; the check digit is validated as it is typed.
  await page.getByLabel('企业名称').fill('江门市绿能再生资源有限公司');
  await page.getByLabel('企业名称').press('Enter');
  await expect(page.getByLabel('统一社会信用代码')).toBeFocused();
  await page.getByLabel('统一社会信用代码').fill(WRONG_USCC);
  await expect(page.locator('[data-field="applicant.uscc"]')).toContainText('校验位不正确');
  await page.getByLabel('统一社会信用代码').fill(USCC);
  await expect(page.locator('[data-field="applicant.uscc"]')).toContainText('校验位正确');
  await pick(page, '所属区域', '新会区');
  await page.getByLabel('行业代码').fill('C4220');
  await expect(page.locator('[data-field="applicant.industryCode"]')).toContainText('C4220');
  await page.getByRole('button', { name: '下一步' }).click();

  // 贷款信息: amount in 万元, the linked project looked up in the library.
  await page.getByLabel('贷款金额').fill('3000');
  await expect(page.locator('[data-field="loan.amountYuan"]')).toContainText('30,000,000.00 元');
  await page.getByLabel('风险溢价').fill('45');
  await pick(page, '绿色产业分类', '资源循环利用产业');
  await expect(score).not.toHaveText(empty); // D: 10 points for the green category
  const withCategory = await score.innerText();
  await page.getByLabel('关联项目编号').fill(project.id);
  await expect(page.getByTestId('linked-project')).toContainText(project.name);
  await expect(score).not.toHaveText(withCategory); // D: 15 points for the listed project
  await page.getByRole('button', { name: '下一步' }).click();

  // 碳排放
  const beforeCarbon = await score.innerText();
  await page.getByLabel(/^碳排放强度/).fill('0.45');
  await page.getByLabel('行业平均强度').fill('0.8');
  await page.getByLabel('上年碳排放强度').fill('0.5');
  await page.getByText('2 级 · 实测未核查').click();
  await expect(score).not.toHaveText(beforeCarbon);
  await expect(panel.locator('[data-factor="A1"]')).toContainText('25/25');
  await page.getByRole('button', { name: '下一步' }).click();

  // 固体废物
  await page.getByLabel('一般固废产生量').fill('1000');
  await page.getByLabel('综合利用量').fill('700');
  await expect(page.getByText('= 70.0%')).toBeVisible();
  await expect(panel.locator('[data-factor="B1"]')).toContainText('8/12');
  await page.getByRole('button', { name: '下一步' }).click();

  // 环境信用: a red card blocks the loan, in plain words; blue makes it eligible again.
  const rating = page.locator('.gd-rating');
  await rating.getByText('红牌（环保不良）').click();
  await expect(page.getByTestId('eligibility')).toHaveText('不符合');
  await expect(panel.getByTestId('explanations')).toContainText('环境信用红牌');
  await expect(panel.getByTestId('explanations')).toContainText('环境信用评价为红牌（环保不良）：不得新增授信');
  await expect(panel).toContainText('不适用绿色定价');
  await rating.getByText('蓝牌（环保良好）').click();
  await expect(page.getByTestId('eligibility')).toHaveText('符合绿色贷款条件');
  await expect(page.getByTestId('pricing-line')).toHaveText(/^LPR 3\.00% [+−] \d+bp = \d\.\d\d%$/);
  await page.waitForTimeout(400); // let the band tag's colour transition finish
  await page.screenshot({ path: 'test-results/application-form-live.png' });

  // Ctrl+S saves the draft.
  await page.keyboard.press('Control+s');
  await expect(page.getByText('草稿已保存')).toBeVisible();

  // 结果: what-if moves band and rate on a copy, never saved.
  await page.getByRole('button', { name: '下一步' }).click();
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toBeVisible();
  await whatIf.locator('[data-scenario="utilisation"] button[role="switch"]').click();
  await whatIf.locator('[data-scenario="envCreditUp"] button[role="switch"]').click();
  await expect(page.getByTestId('what-if-summary')).toContainText('所选情景合计');
  await expect(page.getByTestId('what-if-summary')).toContainText(/评级 B → A/);
  await expect(page.getByTestId('what-if-summary')).toContainText(/利率 −\d+bp/);
  await whatIf.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/application-what-if.png' });

  await page.getByRole('button', { name: '评分并保存' }).click();
  await expect(page.getByTestId('saved-score')).toContainText('jm-green-2026.1');
  await page.getByRole('button', { name: '提交审批' }).click();

  // The detail drawer: submitted, and no approve button for the officer who made it.
  const drawer = page.locator('.gd-detail-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.gd-detail-title')).toContainText('待审批');
  const id = (await drawer.locator('.gd-detail-title .gd-mono').innerText()).trim();
  expect(id).toMatch(/^GA-\d{8}-[0-9A-Z]{6}$/);
  await expect(drawer.getByRole('button', { name: '批准' })).toHaveCount(0);
  const selfApprove = await rpc(page, 'applications.transition', { id, action: 'approve', reason: '自己审批' });
  expect(selfApprove.ok).toBe(false);
  await page.keyboard.press('Escape');
  await signOut(page);

  // The approver: 待我审批 with a count, approve with a required reason.
  await signIn(page, 'lina');
  await page.getByRole('navigation').getByText('授信申请', { exact: true }).click();
  const queue = page.getByTestId('queue');
  await expect(queue.locator('.ant-segmented-item-selected')).toContainText('待我审批');
  await expect(queue.locator('.ant-badge-count')).toBeVisible();
  const row = page.locator('tr.gd-table-row', { hasText: id });
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'test-results/approver-queue.png' });
  await row.click();
  await expect(drawer.locator('.gd-detail-title')).toContainText(id);
  await drawer.getByRole('button', { name: '批准' }).click();
  const modal = page.getByRole('dialog', { name: '批准申请' });
  await expect(modal).toBeVisible();
  await modal.getByRole('button', { name: '批准' }).click();
  await expect(modal).toContainText('请填写理由');
  await modal.getByLabel('理由').fill('符合绿色贷款条件，同意按评分结果定价');
  await modal.getByRole('button', { name: '批准' }).click();
  await expect(modal).toBeHidden();
  await expect(drawer.locator('.gd-detail-title')).toContainText('已批准');
  const trail = drawer.getByTestId('audit-trail');
  await expect(trail).toContainText('张伟');
  await expect(trail).toContainText('李娜');
  await expect(trail).toContainText('提交审批');
  await expect(trail).toContainText('理由：符合绿色贷款条件，同意按评分结果定价');
  await expect(drawer.getByTestId('score-history')).toContainText('jm-green-2026.1');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/application-detail.png' });

  // The printable score sheet → PDF through Chromium.
  await drawer.getByRole('button', { name: '打印评分单' }).click();
  const sheet = page.getByTestId('score-sheet');
  await expect(sheet).toContainText('绿色信贷评分单');
  await expect(sheet).toContainText(id);
  await expect(sheet).toContainText('江门市绿能再生资源有限公司');
  await expect(sheet).toContainText('jm-green-2026.1');
  await expect(sheet).toContainText('审批人签字');
  await expect(sheet).toContainText('李娜');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/score-sheet-preview.png' });
  await page.pdf({ path: 'test-results/score-sheet.pdf', format: 'A4', printBackground: true });
  const pdf = readFileSync('test-results/score-sheet.pdf');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statSync('test-results/score-sheet.pdf').size).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/score-sheet-print-media.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  expect(errors).toEqual([]);
});

test('maker-checker: an administrator cannot approve an application they made', async ({ page }) => {
  await signIn(page, 'admin');
  const asOf = new Date().toISOString().slice(0, 10);
  const input = {
    asOf,
    applicant: { name: '鹤山市测试审贷分离有限公司', uscc: USCC, district: '鹤山市', industryCode: 'C4220' },
    loan: { amountYuan: 10_000_000, termMonths: 24, riskSpreadBps: 30, greenCategory: 'resource_recycling' },
    carbon: { intensity: 0.4, industryAverage: 0.8, previousIntensity: 0.5, dataQuality: 2 },
    envCredit: { rating: 'green', year: 2025 },
  };
  const created = await rpc<{ id: string }>(page, 'applications.create', { input });
  expect(created.ok).toBe(true);
  const id = created.ok ? created.value.id : '';
  expect((await rpc(page, 'applications.score', { id })).ok).toBe(true);
  expect((await rpc(page, 'applications.transition', { id, action: 'submit', reason: '' })).ok).toBe(true);

  await page.getByRole('navigation').getByText('授信申请', { exact: true }).click();
  await page.getByPlaceholder('搜索企业名称').fill(id);
  await page.locator('tr.gd-table-row', { hasText: id }).click();
  const drawer = page.locator('.gd-detail-drawer');
  await expect(drawer.locator('.gd-detail-title')).toContainText(id);
  const approve = drawer.getByRole('button', { name: '批准' });
  await expect(approve).toBeDisabled();
  await page.waitForTimeout(500); // the drawer slides in
  await approve.hover();
  await expect(page.getByRole('tooltip')).toContainText('审贷分离');
  const refused = await rpc(page, 'applications.transition', { id, action: 'approve', reason: '自己批准自己' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'MAKER_CHECKER' } });
});
