// 贷后检查 end to end in real Chromium against the real server (browser mode, demo data): compliance registers the
// loan of the demo's approved application, a loan officer disburses, compliance pastes a payment to 证券投资 and sees
// PROHIBITED_USE beside it, the verdict 疑似违规挪用 and a next check 30 days on; saves; the timeline shows the check.
import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../shared/scoring/dates.js';
import { signIn, signOut } from './sign-in.js';

async function openChecks(page: Page) {
  await page.getByRole('navigation').getByText('贷后检查', { exact: true }).click();
  await expect(page.locator('h1')).toHaveText('贷后检查');
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test('register, disburse, check with live flags, save, timeline', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'wangfang');
  await openChecks(page);

  // 登记贷款 for the approved application.
  const pending = page.getByTestId('pending-loans');
  await pending.getByRole('button', { name: '登记贷款' }).first().click();
  const modal = page.locator('.ant-modal:visible');
  const loanId = ((await modal.locator('.ant-modal-title').innerText()).match(/GA-\d{8}-[0-9A-Z]{6}/) ?? [''])[0];
  expect(loanId).not.toBe('');
  await pick(page, '约定用途', '设备购置');
  await pick(page, '约定用途', '工程建设');
  await page.keyboard.press('Escape');
  await modal.getByRole('button', { name: '登记' }).click();
  await expect(page.getByTestId('due-table')).toContainText(loanId);
  await expect(page.getByTestId('count-unchecked')).toContainText('1');

  // Compliance may not disburse: a loan officer does.
  await expect(page.getByTestId('due-table').getByRole('button', { name: '放款' })).toHaveCount(0);
  await signOut(page);
  await signIn(page, 'zhangwei');
  await openChecks(page);
  const row = page.getByTestId('due-table').locator('tr', { hasText: loanId });
  await row.getByRole('button', { name: '放款' }).click();
  await page.getByLabel('放款金额(元)').fill('1000000');
  await page.locator('.ant-modal:visible').getByRole('button', { name: '放款' }).click();
  await expect(row).toContainText('100.00');
  await signOut(page);

  await signIn(page, 'wangfang');
  await openChecks(page);
  await page.screenshot({ path: 'test-results/checks-due-list.png', fullPage: true });
  await page.getByTestId('due-table').locator('tr', { hasText: loanId }).getByRole('button', { name: '检查' }).click();
  const form = page.getByTestId('check-form');
  await expect(form).toBeVisible();
  // The agreed purposes come from the loan as registered (loans.get).
  await expect(form.locator('[data-field="agreedPurposes"]')).toContainText('设备购置');
  await expect(form.locator('[data-field="agreedPurposes"]')).toContainText('工程建设');
  const asOf = await page.getByLabel('检查日期').inputValue();
  await page.getByTestId('payments-paste').fill('2026-11-02\t300000\t江门市某证券营业部\t\t对公\t证券投资\tSEC-2026-001\t0');
  const marks = page.locator('[data-testid="payment-flags"][data-payment="P1"] [data-testid="flag-mark"][data-code="PROHIBITED_USE"]');
  await expect(marks).toBeVisible();
  await expect(page.getByTestId('live-verdict')).toHaveText('疑似违规挪用');
  await expect(page.getByTestId('live-next-due')).toHaveText(addDays(asOf, 30));
  await marks.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/checks-form-flags.png' });

  await page.getByRole('button', { name: '保存检查' }).click();
  await expect(page.getByTestId('measures-panel')).toBeVisible();
  await page.getByLabel('原因').fill('贷款资金流入证券账户，暂停后续放款并上报风险委员会');
  await page.getByRole('button', { name: '记录措施' }).click();
  await expect(page.getByTestId('measure-item')).toBeVisible();

  await page.getByRole('tab', { name: '时间线' }).click();
  const timeline = page.getByTestId('loan-timeline');
  await expect(timeline).toContainText('放款');
  await expect(timeline).toContainText('贷后检查');
  await expect(timeline).toContainText('疑似违规挪用');
  await expect(timeline).toContainText('暂停放款');
  await expect(timeline).toContainText('SEC-2026-001');
});
