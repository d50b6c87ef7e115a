// The time from a keystroke in the application form to the updated live score panel, in real Chromium against the
// real app in browser mode: the engine runs in the renderer, so this is React's update plus the engine. Measured in
// the page (a capture-phase keydown listener and a MutationObserver on the panel), never asserted. The form waits
// LIVE_DEBOUNCE_MS (80 ms) after the last keystroke before it scores, so that much is by design.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { openAppApi } from '../../src-main/api/app.js';
import { startBrowserServer } from '../../src-main/api/http.js';
import { DEMO_PASSWORD, seedDemo } from '../../src-main/services/demo-seed.js';
import { rendererDir } from '../../src-main/services/paths.js';

type Report = (name: string, value: string) => void;

export async function benchKeystroke(report: Report): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (!existsSync(join(rendererDir(), 'index.html'))) {
    const built = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'ignore' });
    if (built.status !== 0) return report('keystroke → score panel', 'skipped: the renderer could not be built');
  }
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-keys-'));
  const app = openAppApi(join(dir, 'keys.db'));
  await seedDemo(app.db, { projects: 2000 });
  const server = await startBrowserServer({ dispatch: app.dispatch, rendererDir: rendererDir(), port: 0 });
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('zhangwei');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.getByRole('navigation').getByText('授信申请', { exact: true }).click();
    await page.getByRole('button', { name: '新建授信申请' }).click();
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('行业平均强度').fill('0.8');
    const field = page.getByLabel(/^碳排放强度/);
    await field.fill('0.45');
    await page.getByTestId('score-panel').waitFor();
    // In the page (as source text: this program has no DOM types). The whole document is watched, since the panel
    // may be re-rendered as a new element; only changes inside it count.
    await page.evaluate(`(() => {
      window.__lat = [];
      window.__key = 0;
      document.addEventListener('keydown', () => (window.__key = performance.now()), true);
      new MutationObserver((records) => {
        const inPanel = records.some((r) => {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          return el && el.closest('[data-testid="score-panel"]') !== null;
        });
        if (inPanel && window.__key) {
          window.__lat.push(performance.now() - window.__key);
          window.__key = 0;
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    // Values that move factor A1 across its grades (industry average 0.8): 0.45 → 25, 0.9 → 14, 1.5 → 7, 2.0 → 2 …
    for (let i = 0; i < 40; i++) {
      const before = (await page.evaluate('window.__lat.length')) as number;
      await field.selectText();
      await field.pressSequentially(['0.45', '0.9', '1.5', '2.0', '0.6'][i % 5]!, { delay: 30 });
      // The next value only once the panel showed this one.
      await page.waitForFunction((n) => (globalThis as unknown as { __lat: number[] }).__lat.length > n, before, { timeout: 5000 }).catch(() => undefined);
    }
    await page.waitForTimeout(200);
    const lat = ((await page.evaluate('window.__lat')) as number[]).sort((a, b) => a - b);
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
    report(`keystroke → updated score panel (${lat.length} keystrokes, real Chromium)`, `p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${(lat.at(-1) ?? NaN).toFixed(1)} ms`);
  } finally {
    await browser.close();
    await server.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
