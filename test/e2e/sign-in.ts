// Signs in on the real sign-in screen (browser mode, demo database): every demo account has the password
// `greendesk2026` (src-main/services/demo-seed.ts). Opens the app URL first (token in the query string).
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'greendesk2026';

export function appUrl(): string {
  const u = process.env.GREENDESK_E2E_URL;
  if (!u) throw new Error('GREENDESK_E2E_URL is not set: the global setup did not start the server');
  return u;
}

export async function signIn(page: Page, username = 'zhangwei', password = DEMO_PASSWORD): Promise<void> {
  await page.goto(appUrl());
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}
