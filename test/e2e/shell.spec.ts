// The app in real Chromium through browser mode, against a real database file made by `greendesk demo`.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './sign-in.js';

const url = () => {
  const u = process.env.GREENDESK_E2E_URL;
  if (!u) throw new Error('GREENDESK_E2E_URL is not set: the global setup did not start the server');
  return u;
};

test('the shell shows the demo library in Chinese, pages through it and opens a project', async ({ page }) => {
  await signIn(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url());

  // The token leaves the address bar at once.
  await expect(page).not.toHaveURL(/token=/);
  const nav = page.getByRole('navigation');
  for (const item of ['项目库', '授信申请', '贷后检查', '报送导出', '同步', '设置']) {
    await expect(nav.getByText(item, { exact: true })).toBeVisible();
  }
  // The library is one virtual list: a screenful of rows in the DOM over the whole result. Counts come from
  // app.info: an earlier spec (library.spec.ts) imports a new version of the library into the shared database.
  const library = await page.evaluate(async () => {
    const store = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
    const res = await fetch('/rpc/app.info', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GreenDesk-Token': store.getItem('greendesk.token') ?? '',
        'X-GreenDesk-Session': store.getItem('greendesk.session') ?? '',
      },
      body: '{}',
    });
    return ((await res.json()) as { value: { library: { version: number; projectCount: number } } }).value.library;
  });
  expect(library.projectCount).toBeGreaterThanOrEqual(2000);
  const rows = page.locator('[data-testid="library-table"] .ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByText(`共 ${library.projectCount.toLocaleString('zh-CN')} 个项目`)).toBeVisible();
  await expect(page.locator('footer, [role=contentinfo]').first()).toContainText('e2e.db');
  await expect(page.locator('footer, [role=contentinfo]').first()).toContainText(`项目库版本 ${library.version}`);

  await page.screenshot({ path: 'test-results/shell-library.png' });
  if (process.env.GREENDESK_UPDATE_SCREENSHOT === '1') await page.screenshot({ path: 'docs/screenshot.png' });

  // The end of the list (Ctrl+End from a row) shows other projects, loaded as they come into view.
  const idOf = (row: ReturnType<Page['locator']>) => row.locator('.gd-mono').first();
  const firstId = await idOf(rows.first()).innerText();
  await rows.first().focus();
  await page.keyboard.press('Control+End');
  const focused = page.locator('[data-testid="library-table"] .ant-table-row:focus');
  await expect(focused).toHaveAttribute('data-index', String(library.projectCount - 1));
  await expect(idOf(focused)).toHaveText(/^JM-/);
  await expect(idOf(focused)).not.toHaveText(firstId);

  // A row opens the detail drawer with the project's data from the database.
  const id = await idOf(rows.first()).innerText();
  await rows.first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(id);
  await expect(drawer).toContainText('统一社会信用代码');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  expect(errors).toEqual([]);
});

test('a page not built yet shows a proper empty state, and the language switches to English', async ({ page }) => {
  await signIn(page);
  await page.goto(url());
  const nav = page.getByRole('navigation');
  await nav.getByText('报送导出', { exact: true }).click();
  await expect(page.locator('main')).toContainText('报送导出');
  await expect(page.locator('main .ant-empty, main .ant-result').first()).toBeVisible();
  // 同步 is built: before any hub is set, it says so.
  await nav.getByText('同步', { exact: true }).click();
  await expect(page.locator('h1')).toHaveText('同步');
  await expect(page.getByTestId('sync-indicator')).toContainText('未连接同步中心');
  await page.getByText('English', { exact: true }).click();
  await expect(nav.getByText('Project library', { exact: false })).toBeVisible();
  await page.screenshot({ path: 'test-results/shell-english.png' });
});

test('a call without the token is refused with 401, and the page says how to get in', async ({ page, request }) => {
  const base = new URL(url());
  const res = await request.post(`${base.origin}/rpc/library.list`, { data: {} });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('UNAUTHORIZED');

  await page.goto(base.origin + '/');
  await expect(page.getByText('greendesk serve', { exact: false }).first()).toBeVisible();
});
