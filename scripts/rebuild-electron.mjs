#!/usr/bin/env node
// `npm run rebuild:electron` — rebuild the native modules (better-sqlite3) for Electron's ABI.
//
// FOR A MACHINE THAT HAS THE ELECTRON BINARY (node_modules/electron/dist/…, or ELECTRON_OVERRIDE_DIST_PATH) and can
// fetch Electron's headers (https://electronjs.org/headers, or a mirror in ELECTRON_REBUILD_DIST_URL /
// --dist-url=<url>). On the build machines we develop on the binary cannot be downloaded: this script refuses there,
// with the reason, and changes nothing.
//
// Why a separate script: better-sqlite3 is compiled for one ABI at a time. `npm install` builds it for Node
// (what `npm test`, the CLI and browser mode run on); the desktop app needs it built for Electron. electron-builder's
// own rebuild (npmRebuild) and an `install-app-deps` postinstall are off on purpose: offline they delete
// better-sqlite3's build (ENGINEERING.md).
//
// What it does: runs @electron/rebuild (a dependency of electron-builder) for better-sqlite3 — and
// better-sqlite3-multiple-ciphers when installed — against the installed Electron version, building from source
// (needs Python and a C++ toolchain, as for `npm install`). Without @electron/rebuild it falls back to
// `electron-builder install-app-deps` (which uses @electron/rebuild itself). The project .npmrc sets nodedir=/usr so that
// node-gyp uses Node's local headers; that would build against NODE's headers here, so it is removed from the
// environment of the rebuild.
//
// Then: `npm run dist` (or `npm run pack:dir`) packages the app with the Electron-built module.
//
// AFTERWARDS, to run `npm test` (Node) again, switch the module back to Node's ABI:
//     npm rebuild better-sqlite3
// (with the .npmrc's nodedir=/usr it builds from source, ~85 s). Until then Node fails to load it with
// "was compiled against a different Node.js version (NODE_MODULE_VERSION …)".
//
// Options: --dry-run (print the command only), --dist-url=<headers mirror>.
import { findElectronBinary } from './electron-binary.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const argv = process.argv.slice(2);
const dryRun = argv.includes('--dry-run');
const distUrl = argv.find((a) => a.startsWith('--dist-url='))?.slice('--dist-url='.length) ?? process.env.ELECTRON_REBUILD_DIST_URL;

function die(zh, en) {
  console.error(`rebuild:electron: ${zh}\n                  ${en}`);
  process.exit(1);
}

const electronBinary = () => findElectronBinary(root);

const binary = electronBinary();
if (!binary.path) {
  die(
    `本机没有 Electron 可执行文件，拒绝重建原生模块（${binary.reason}）。请在装有 Electron 的机器上运行；本机请用 npm test / 浏览器模式。`,
    `refusing: the Electron binary is not installed on this machine (${binary.reason}). Run this where Electron's binary exists; here, better-sqlite3 stays built for Node.`,
  );
}

const electronVersion = require('electron/package.json').version;
const modules = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'].filter((m) => existsSync(join(root, 'node_modules', m, 'package.json')));
if (modules.length === 0) die('没有需要重建的原生模块（better-sqlite3 未安装）。', 'nothing to rebuild: better-sqlite3 is not installed.');

// The rebuild must target Electron's headers, not the local Node headers the project .npmrc points node-gyp at.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
}
if (distUrl) env.ELECTRON_REBUILD_DIST_URL = distUrl;

const [major, minor] = process.versions.node.split('.').map(Number);
let command;
let rebuildCli;
const rebuildPkgFile = join(root, 'node_modules', '@electron', 'rebuild', 'package.json');
if (existsSync(rebuildPkgFile)) {
  const pkg = JSON.parse(readFileSync(rebuildPkgFile, 'utf8'));
  rebuildCli = join(dirname(rebuildPkgFile), 'lib', 'cli.js');
  const wanted = /(\d+)\.(\d+)/.exec(pkg.engines?.node ?? '')?.slice(1).map(Number) ?? [0, 0];
  if (major < wanted[0] || (major === wanted[0] && minor < wanted[1])) {
    console.error(`rebuild:electron: note: @electron/rebuild ${pkg.version} asks for Node ${pkg.engines.node}, this is ${process.versions.node}; trying anyway`);
  }
}
if (rebuildCli && existsSync(rebuildCli)) {
  command = [
    process.execPath,
    rebuildCli,
    '--version', electronVersion,
    '--module-dir', root,
    '--only', modules.join(','),
    '--force',
    '--build-from-source',
    ...(distUrl ? ['--dist-url', distUrl] : []),
  ];
} else {
  command = [process.execPath, require.resolve('electron-builder/cli.js'), 'install-app-deps'];
}

console.log(`rebuild:electron: Electron ${electronVersion} (${binary.path})`);
console.log(`rebuild:electron: rebuilding ${modules.join(', ')} for Electron's ABI`);
console.log(`  $ ${command.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
if (dryRun) process.exit(0);

const r = spawnSync(command[0], command.slice(1), { cwd: root, env, stdio: 'inherit' });
if (r.status !== 0) {
  die(
    `重建失败（退出码 ${r.status}）。better-sqlite3 可能已损坏：运行 npm rebuild better-sqlite3 以恢复 Node 版本。`,
    `the rebuild failed (exit ${r.status}). better-sqlite3 may be half-built: \`npm rebuild better-sqlite3\` restores the Node build.`,
  );
}
console.log(`
rebuild:electron: done — better-sqlite3 is now built for Electron ${electronVersion}.
  Package:          npm run dist        (or npm run pack:dir to check the structure first)
  Back to Node:     npm rebuild better-sqlite3     (needed before npm test / the CLI / browser mode)`);
