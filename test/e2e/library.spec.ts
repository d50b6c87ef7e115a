// 项目库 end to end in real Chromium against the real server and database (browser mode, the 2,000-project demo
// library): search as you type with Chinese substrings, export, import a snapshot through the dialog (built from
// the export: the same library plus one changed and one new project, so the library stays whole for the specs
// that run after this one), the drawer with the version history and 发起授信申请, and a file with bad rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { csvText, sheetRow, writeCsv } from '../helpers/library-files.js';
import { project, snapshot } from '../helpers/projects.js';
import { signIn } from './sign-in.js';

test.describe.configure({ mode: 'serial' });

const NEW_PROJECT = project(90_001, {
  id: 'JM-GP-2026-90001',
  name: '江门市滨江新区光储充一体化示范项目',
  ownerName: '江门市滨江绿能科技有限公司',
  district: '江海区',
  industryCode: 'D4416',
  category: 'energy_transition',
  totalInvestmentYuan: 236_000_000,
  financingNeedYuan: 150_000_000,
  expectedBenefits: { carbonReductionT: 18600, energySavedTce: 7400, wasteUtilizedT: 0, hazardousDisposedT: 0 },
  sourceDept: '市发展和改革局',
  listedAt: '2026-11-10',
  updatedAt: '2026-11-18',
});

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'greendesk-e2e-library-'));
});
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Calls the API from the page with its token and session (what the app's own client sends). */
/** What the page's scripts see (test/e2e is type-checked without the DOM library). */
type PageGlobals = {
  sessionStorage: { getItem(key: string): string | null };
  document: { querySelectorAll(selector: string): ArrayLike<{ value?: string }> };
};

/** Calls the API from the page with its token and session (what the app's own client sends). */
async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  const res = (await page.evaluate(
    async ([m, i]) => {
      const store = (globalThis as unknown as PageGlobals).sessionStorage;
      const r = await fetch(`/rpc/${m}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-GreenDesk-Token': store.getItem('greendesk.token') ?? '',
          'X-GreenDesk-Session': store.getItem('greendesk.session') ?? '',
        },
        body: JSON.stringify(i),
      });
      return r.json();
    },
    [method, input] as const,
  )) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const totalOf = async (page: Page) => Number((await page.getByTestId('library-total').innerText()).replace(/[^\d]/g, ''));
const rows = (page: Page) => page.locator('[data-testid="library-table"] .gd-table-row');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: '搜索项目库' });

async function openLibrary(page: Page) {
  await signIn(page);
  await page.getByRole('navigation').getByText('项目库', { exact: true }).click();
  await expect(page.getByTestId('library-total')).toHaveText(/^共 [\d,]+ 个项目$/);
  await expect(rows(page).first()).toBeVisible();
}

/** Types like a person (one character at a time) into the search box, after clearing it. */
async function search(page: Page, text: string) {
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially(text, { delay: 40 });
}

/** A substring of `name` of `len` Chinese characters whose search result is small enough to show the project on one screen. */
async function findSubstring(page: Page, name: string, id: string, len: number): Promise<{ text: string; total: number }> {
  const han = /^[\u4e00-\u9fff]+$/;
  let best: { text: string; total: number } | null = null;
  for (let i = 0; i + len <= name.length; i++) {
    const text = name.slice(i, i + len);
    if (!han.test(text)) continue;
    const res = await rpc<{ total: number; items: { id: string }[] }>(page, 'library.list', { q: text, pageSize: 10 });
    if (res.items.some((p) => p.id === id) && (!best || res.total < best.total)) best = { text, total: res.total };
  }
  if (!best) throw new Error(`no ${len}-character substring of ${name} finds ${id} among its first 10 results`);
  return best;
}

test('search as you type: 2- and 4-character Chinese substrings of a real project name find it, the total shrinks', async ({ page }) => {
  const errors = collectErrors(page);
  await openLibrary(page);
  const all = await totalOf(page);
  expect(all).toBeGreaterThanOrEqual(2000);
  const first = rows(page).first();
  const id = (await first.locator('.gd-mono').first().innerText()).trim();
  const name = (await first.locator('.gd-cell-text').first().innerText()).trim();
  expect(name.length).toBeGreaterThanOrEqual(4);

  const two = await findSubstring(page, name, id, 2);
  await search(page, two.text);
  await expect(page.getByTestId('library-total')).toHaveText(`共 ${two.total.toLocaleString('zh-CN')} 个项目`);
  expect(two.total).toBeLessThan(all);
  await expect(rows(page).filter({ hasText: id })).toHaveCount(1);
  await expect(page.locator('[data-testid="library-table"] mark.gd-hit').first()).toHaveText(two.text);
  expect(await rows(page).count()).toBeLessThanOrEqual(two.total);
  await expect(page.getByText('按匹配程度排序')).toBeVisible();

  const four = await findSubstring(page, name, id, 4);
  await search(page, four.text);
  await expect(page.getByTestId('library-total')).toHaveText(`共 ${four.total.toLocaleString('zh-CN')} 个项目`);
  expect(four.total).toBeLessThanOrEqual(two.total);
  await expect(rows(page).filter({ hasText: id })).toHaveCount(1);
  // Every mark is the 4-character text (the total alone may not change when both searches find the same projects).
  const marks = () => page.locator('[data-testid="library-table"] mark.gd-hit').allInnerTexts();
  await expect.poll(async () => [...new Set(await marks())]).toEqual([four.text]);

  // Back to the 2-character search for the screenshot (a fuller list), then Esc clears it.
  await search(page, two.text);
  await expect.poll(async () => [...new Set(await marks())]).toEqual([two.text]);
  await expect(page.getByTestId('library-total')).toHaveText(`共 ${two.total.toLocaleString('zh-CN')} 个项目`);
  await page.screenshot({ path: 'test-results/library-search.png' });
  await searchBox(page).press('Escape');
  await expect(page.getByTestId('library-total')).toHaveText(`共 ${all.toLocaleString('zh-CN')} 个项目`);

  // Ctrl+K focuses the search box from the table; Enter on a row opens it; Esc closes the drawer.
  await rows(page).first().focus();
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('统一社会信用代码');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(rows(page).nth(1)).toBeFocused();

  expect(errors).toEqual([]);
});

test('export the list as CSV, import it back as version 2 with one project changed and one new, and find the new one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openLibrary(page);
  const info = await rpc<{ library: { version: number; projectCount: number } }>(page, 'app.info', {});
  const before = info.library;

  // 导出 → CSV: the whole list, downloaded under the service's file name.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('library-export').click();
  await page.getByText('CSV 文件（.csv）').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^项目库-v${before.version}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  await expect(page.getByText(`已导出 ${before.projectCount.toLocaleString('zh-CN')} 个项目`)).toBeVisible();
  const exported = join(dir, 'export.csv');
  await download.saveAs(exported);
  const text = readFileSync(exported, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toMatch(/^\uFEFF?版本号,/);
  expect(lines.length - 3).toBe(before.projectCount); // meta line, header, rows, final empty line

  // The next version: one listed project's financing need and status change, one project is new.
  const header = lines[1]!.split(',');
  const col = (h: string) => header.indexOf(h);
  const target = lines.findIndex((l, i) => i > 1 && !l.includes('"') && l.split(',')[col('状态')] === '已入库');
  expect(target).toBeGreaterThan(1);
  const cells = lines[target]!.split(',');
  const changedId = cells[col('项目编号')]!;
  const oldNeed = Number(cells[col('融资需求(万元)')]);
  cells[col('融资需求(万元)')] = String(oldNeed + 120);
  cells[col('状态')] = '在建';
  lines[target] = cells.join(',');
  lines[0] = lines[0]!.replace(/^(\uFEFF?版本号,)\d+,/, `$1${before.version + 1},`);
  lines.splice(lines.length - 1, 0, sheetRow(NEW_PROJECT).join(','));
  const next = writeCsv(dir, `项目库-v${before.version + 1}.csv`, lines.join('\r\n'));

  // 导入项目库: choose the file, see the preview.
  await page.getByTestId('library-import').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '导入项目库快照' });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles(next);
  await expect(dialog.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('import-version')).toHaveText(`${before.version + 1}（本机 ${before.version}）`);
  const n = before.projectCount + 1;
  await expect(dialog.getByTestId('import-rows')).toHaveText(`共 ${n.toLocaleString('zh-CN')} 行：合格 ${n.toLocaleString('zh-CN')} 行，不合格 0 行`);
  await expect(dialog).toContainText('CSV');
  await expect(dialog.getByTestId('sample-rows').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(dialog.locator('input[type="checkbox"]')).toBeDisabled();
  await page.screenshot({ path: 'test-results/library-import-preview.png' });

  // Confirm → progress → result.
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('import-result')).toContainText(`导入完成：项目库已更新到版本 ${before.version + 1}`);
  await expect(dialog.getByTestId('import-stat-inserted')).toHaveText('1新增');
  await expect(dialog.getByTestId('import-stat-updated')).toHaveText('1更新');
  await expect(dialog.getByTestId('import-stat-unchanged')).toHaveText(`${(before.projectCount - 1).toLocaleString('zh-CN')}未变`);
  await expect(dialog.getByTestId('import-stat-withdrawn')).toHaveText('0出库');
  await expect(dialog.getByTestId('import-stat-skipped')).toHaveText('0跳过');
  await page.screenshot({ path: 'test-results/library-import-result.png' });
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();

  // The list, the freshness badge and the status bar follow.
  await expect(page.getByTestId('library-total')).toHaveText(`共 ${n.toLocaleString('zh-CN')} 个项目`);
  await expect(page.getByTestId('library-freshness')).toHaveText(`版本 ${before.version + 1} · 今天同步`);
  await expect(page.getByRole('status')).toContainText(`项目库版本 ${before.version + 1}`);

  // The new project is found by its name.
  await search(page, '滨江新区光储充');
  await expect(page.getByTestId('library-total')).toHaveText('共 1 个项目');
  await expect(rows(page).first()).toContainText(NEW_PROJECT.id);
  await expect(rows(page).first()).toContainText('江门市滨江绿能科技有限公司');

  // The changed project's drawer shows version 2 with what changed, and version 1 as first listed.
  await search(page, changedId);
  await expect(rows(page).filter({ hasText: changedId })).toHaveCount(1);
  await rows(page).filter({ hasText: changedId }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('history-item')).toHaveCount(2);
  const latest = drawer.getByTestId('history-item').first();
  await expect(latest).toContainText(`版本 ${before.version + 1}`);
  await expect(latest).toContainText('当前');
  await expect(latest.locator('li', { hasText: '状态' })).toHaveText('状态已入库→在建');
  const fmt = (wan: number) => wan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(latest.locator('li', { hasText: '融资需求(万元)' })).toHaveText(`融资需求(万元)${fmt(oldNeed)}→${fmt(oldNeed + 120)}`);
  await expect(drawer.getByTestId('history-item').last()).toContainText('首次入库');
  await expect(drawer).toContainText('推荐部门');
  await expect(drawer).toContainText('预计年环境效益');
  await drawer.getByText('版本历史').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/library-drawer-history.png' });

  // 发起授信申请 hands the project to 授信申请.
  const owner = (await rpc<{ ownerName: string }>(page, 'library.get', { id: changedId })).ownerName;
  await drawer.getByTestId('start-application').click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('navigation').locator('.ant-menu-item-selected')).toHaveText('授信申请');
  await expect
    .poll(() => page.evaluate((o) => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('input, textarea')).some((i) => i.value === o), owner))
    .toBe(true);

  expect(errors).toEqual([]);
});

test('a file with bad rows shows the rejected rows with their reasons, and cannot be imported without skipping them', async ({ page }) => {
  const errors = collectErrors(page);
  await openLibrary(page);
  const good = Array.from({ length: 8 }, (_, i) =>
    project(91_000 + i, { id: `JM-WF-2026-91${String(i).padStart(3, '0')}`, library: 'waste_free', name: `江门市第${i + 1}再生资源回收分拣中心项目` }),
  );
  const bad = [
    project(91_100, { id: 'JM-WF-2026-91100', name: '鹤山市建筑垃圾资源化利用项目', ownerUscc: '91440705000911000X' }),
    project(91_101, { id: 'JM-WF-2026-91101', name: '恩平市餐厨垃圾处理项目', district: '广州市' as never }),
    project(91_102, { id: 'JM-WF-2026-91102', name: '台山市废旧电池回收项目', industryCode: 'Z999' }),
  ];
  const snap = snapshot(99, [...good.slice(0, 3), bad[0]!, ...good.slice(3, 6), bad[1]!, ...good.slice(6), bad[2]!]);
  const file = writeCsv(dir, '项目库-v99-含不合格行.csv', csvText(snap), 'gb18030');

  await page.getByTestId('library-import').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '导入项目库快照' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('import-rows')).toHaveText('共 11 行：合格 8 行，不合格 3 行');
  await expect(dialog).toContainText('有 3 行不合格');
  const rejected = dialog.getByTestId('rejected-rows');
  await expect(rejected.locator('thead')).toContainText('行');
  await expect(rejected.locator('thead')).toContainText('原因');
  const lines = rejected.locator('tbody tr.ant-table-row');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText('统一社会信用代码');
  await expect(lines.nth(1)).toContainText('所属区域');
  await expect(lines.nth(1)).toContainText('广州市');
  await expect(lines.nth(2)).toContainText('行业代码');
  // Without 跳过不合格行 the import is refused, and the dialog says why.
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  await expect(dialog.getByTestId('import-blocked')).toHaveText('文件有 3 行不合格：勾选“跳过不合格行”后才能导入其余各行');
  await page.screenshot({ path: 'test-results/library-import-rejected.png' });
  await dialog.getByText('跳过不合格行', { exact: true }).click();
  await expect(dialog.getByTestId('import-confirm')).toBeEnabled();
  await expect(dialog.getByTestId('import-confirm')).toHaveText('导入 8 行');
  // Not imported: this file is a different library and would withdraw everything else.
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  const info = await rpc<{ library: { version: number } }>(page, 'app.info', {});
  expect(info.library.version).toBeLessThan(99);

  expect(errors).toEqual([]);
});
