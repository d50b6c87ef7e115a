#!/usr/bin/env node
// `npm start`: build, then launch the desktop app when Electron's binary is present; otherwise serve the same app
// in browser mode on 127.0.0.1 from the user's data folder (first run creates the database with the demo library)
// and print the URL. Extra arguments go to browser mode: `npm start -- --port 8080`.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary if it is installed (see electron-binary.mjs: never require('electron')). */
function electronBinary() {
  const found = findElectronBinary(root);
  return 'path' in found ? found.path : null;
}

if (process.env.GREENDESK_SKIP_BUILD !== '1') {
  console.error('正在构建 GreenDesk… (electron-vite build)');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(build.status ?? 1);
  }
}

const binary = process.env.GREENDESK_BROWSER_MODE === '1' ? null : electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('未找到 Electron 可执行文件（本机无法下载），改用浏览器模式。 / Electron binary not found: browser mode.');
  const { register } = await import('tsx/esm/api');
  register();
  const { userDataDir } = await import('../src-main/services/paths.ts');
  const { ensureAppDatabase } = await import('../src-main/services/first-run.ts');
  const { runCli } = await import('../src-main/cli/main.ts');
  const dataDir = userDataDir();
  const first = !existsSync(join(dataDir, 'greendesk.db'));
  if (first) console.error(`首次运行：正在 ${dataDir} 创建数据库并载入演示项目库…`);
  const db = await ensureAppDatabase(dataDir);
  process.exitCode = await runCli(['serve', '--db', db, ...process.argv.slice(2)]);
}
