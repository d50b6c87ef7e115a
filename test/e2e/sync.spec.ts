// 同步 end to end in real Chromium: a real hub (`greendesk hub`, its own process) publishes a library; the
// administrator sets the hub's address, enrols the device with a one-time code from `greendesk hub enroll`,
// syncs: the library becomes the hub's version, every record waiting goes up (the hub's stats count them), the
// status bar says connected. Then the hub goes away: a sync fails with the reason and the indicator says so.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { BIN, runGreendesk } from '../helpers/cli.js';
import { signIn } from './sign-in.js';

function startHub(dir: string) {
  const child = spawn(process.execPath, [BIN, 'hub', '--data', dir, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  const stop = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
  return { url, stop };
}

test('enrol with a code, sync the library and the records, then lose the hub', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-e2e-hub-'));
  const hubDir = join(dir, 'hub');
  const snapshot = join(dir, 'v10.json');
  writeFileSync(snapshot, JSON.stringify(generateDemoSnapshot({ projects: 2500, version: 10 })));
  expect(runGreendesk(['hub', 'publish', snapshot, '--data', hubDir, '--json']).code).toBe(0);
  const hub = startHub(hubDir);
  try {
    const hubUrl = await hub.url;
    const enrol = runGreendesk(['hub', 'enroll', '--branch', '蓬江支行', '--bank', '江门农商银行', '--data', hubDir, '--json']);
    const { code } = JSON.parse(enrol.stdout) as { code: string };

    await signIn(page, 'admin');
    await page.getByRole('navigation').getByText('同步', { exact: true }).click();
    await expect(page.locator('h1')).toHaveText('同步');
    await expect(page.getByTestId('sync-indicator')).toContainText('未连接同步中心');
    await page.getByLabel('同步中心地址').fill(hubUrl);
    await page.getByRole('button', { name: '保存地址' }).click();
    await expect(page.getByTestId('sync-indicator')).toContainText('设备未注册');
    await page.getByLabel('注册码').fill(code);
    await page.getByLabel('注册码').press('Enter');
    await expect(page.getByTestId('sync-branch')).toHaveText('已注册：江门农商银行 / 蓬江支行');
    const waiting = Number(await page.getByTestId('sync-pending').innerText());
    expect(waiting).toBeGreaterThan(4);

    await page.getByTestId('sync-now').click();
    await expect(page.getByText('同步完成').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('sync-library')).toContainText('版本 10');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-indicator')).toContainText('已连接');
    await expect(page.getByRole('status')).toContainText('项目库版本 10');
    await page.getByRole('tab', { name: /已发送/ }).click();
    await expect(page.getByTestId('outbox-row').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/sync-page.png', fullPage: true });
    const stats = JSON.parse(runGreendesk(['hub', 'stats', '--data', hubDir, '--json']).stdout) as { applications: number; devices: number; projects: number };
    expect(stats).toMatchObject({ devices: 1, projects: 2500 });
    expect(stats.applications).toBeGreaterThanOrEqual(4);

    // The hub goes away: the next sync fails with the reason; the indicator says so.
    await hub.stop();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-last-error')).toContainText('无法连接同步中心', { timeout: 60_000 });
    await expect(page.getByTestId('sync-indicator')).toContainText('离线');
    await page.screenshot({ path: 'test-results/sync-offline.png', fullPage: true });
  } finally {
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
