#!/usr/bin/env node
// `npm run pack:dir`: checks the structure of the desktop package without the Electron binary, which cannot be
// downloaded on the machines we build on. It reads what `npm run build` produced and electron-builder.yml and
// checks, as a checklist:
//   - out/main/index.js, out/preload/index.cjs, out/renderer/index.html exist (otherwise: run `npm run build`)
//   - the main bundle parses, every package it imports is a production dependency, its own chunks exist
//   - the preload bundle requires nothing but 'electron'
//   - the renderer's index.html refers only to files next to it (it is loaded from file://) and has its CSP
//   - package.json "main" is out/main/index.js; electron is a devDependency
//   - electron-builder.yml parses, passes electron-builder's own schema, has npmRebuild: false and the targets
//     nsis (Windows), dmg (macOS), AppImage and deb (Linux)
//   - its `files` globs take every built file and leave the sources out
//   - better-sqlite3's native .node exists, is packaged and covered by asarUnpack
// Where the Electron binary IS present it then runs `electron-builder --dir` (skip with --no-builder) and checks
// the unpacked app. Exits 0 when every check passed, 1 otherwise.
import { findElectronBinary } from './electron-binary.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = new Set(process.argv.slice(2));

const OUT_MAIN = 'out/main/index.js';
const OUT_PRELOAD = 'out/preload/index.cjs';
const OUT_RENDERER = 'out/renderer/index.html';
const SQLITE_NODE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/** @type {{ status: 'pass' | 'fail' | 'skip', label: string, detail: string }[]} */
const results = [];
function record(status, label, detail = '') {
  results.push({ status, label, detail });
  const mark = status === 'pass' ? '✓' : status === 'fail' ? '✗' : '–';
  console.log(`${mark} ${label}${detail ? ` — ${detail}` : ''}`);
}
/** Runs one check: it returns a detail string (pass), or throws (fail); a thrown Skip is a skip. */
class Skip extends Error {}
function check(label, fn) {
  try {
    record('pass', label, fn() ?? '');
  } catch (err) {
    record(err instanceof Skip ? 'skip' : 'fail', label, err instanceof Error ? err.message : String(err));
  }
}
function fail(msg) {
  throw new Error(msg);
}

const abs = (rel) => join(root, ...rel.split('/'));
const read = (rel) => readFileSync(abs(rel), 'utf8');
const toPosix = (p) => p.split(sep).join('/');

function walk(relDir) {
  const dir = abs(relDir);
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${relDir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...walk(rel));
    else files.push(rel);
  }
  return files;
}

const electronBinary = () => findElectronBinary(root);

// ---------------------------------------------------------------------------------------------------------------
console.log('GreenDesk package structure (pack:dir)\n');
const pkg = JSON.parse(read('package.json'));

const built = [OUT_MAIN, OUT_PRELOAD, OUT_RENDERER].map((f) => [f, existsSync(abs(f))]);
for (const [f, ok] of built) {
  check(`built: ${f}`, () => (ok ? `${statSync(abs(f)).size} bytes` : fail('missing: run `npm run build` first (请先运行 npm run build)')));
}
const isBuilt = built.every(([, ok]) => ok);

// --- the main bundle --------------------------------------------------------------------------------------------
/** The module specifiers a bundle loads: static and dynamic imports, re-exports and require() calls. */
function specifiers(code) {
  const found = new Set();
  const patterns = [
    /^\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/gm, // import x from 'a'; import 'a'
    /^\s*export\s*[\w$*{}\s,]*?\s*from\s*["']([^"']+)["']/gm, // export { x } from 'a'
    /(?<![\w$.])import\s*\(\s*["']([^"']+)["']\s*\)/g, // import('a')
    /(?<![\w$.])require\s*\(\s*["']([^"']+)["']\s*\)/g, // require('a')
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

if (existsSync(abs(OUT_MAIN))) {
  check('main bundle parses (node --check)', () => {
    const mainFiles = walk('out/main').filter((f) => /\.(m|c)?js$/.test(f));
    for (const f of mainFiles) {
      const r = spawnSync(process.execPath, ['--check', abs(f)], { encoding: 'utf8' });
      if (r.status !== 0) fail(`${f}: ${(r.stderr || '').split('\n').filter((l) => /Error/.test(l))[0] ?? r.stderr}`);
    }
    return `${mainFiles.length} file(s)`;
  });

  check('main bundle: every package it loads is a production dependency', () => {
    const deps = new Set(Object.keys(pkg.dependencies ?? {}));
    const problems = [];
    const used = new Set();
    for (const f of walk('out/main').filter((x) => /\.(m|c)?js$/.test(x))) {
      for (const spec of specifiers(readFileSync(abs(f), 'utf8'))) {
        if (spec.startsWith('.')) {
          if (!existsSync(join(dirname(abs(f)), spec))) problems.push(`${f} imports ${spec}, which does not exist`);
          continue;
        }
        if (builtins.has(spec) || spec === 'electron') continue;
        const name = packageName(spec);
        used.add(name);
        if (!deps.has(name)) problems.push(`${name} (${f}) is not in package.json "dependencies": the package would not contain it`);
      }
    }
    if (problems.length) fail(problems.join('; '));
    return [...used].sort().join(', ') || 'none';
  });
}

// --- the preload bundle -----------------------------------------------------------------------------------------
if (existsSync(abs(OUT_PRELOAD))) {
  check("preload requires nothing but 'electron'", () => {
    const code = read(OUT_PRELOAD);
    const specs = specifiers(code);
    const others = specs.filter((s) => s !== 'electron');
    if (others.length) fail(`it also loads ${others.join(', ')}`);
    if (/^\s*(import|export)\s/m.test(code)) fail('it has ES module syntax (a sandboxed preload must be CommonJS)');
    if (!specs.includes('electron')) fail("it does not require 'electron' (is this the bridge?)");
    return 'require("electron") only';
  });
}

// --- the renderer -----------------------------------------------------------------------------------------------
if (existsSync(abs(OUT_RENDERER))) {
  check('renderer: index.html refers only to files next to it, and they exist', () => {
    const html = read(OUT_RENDERER);
    const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]);
    const problems = [];
    for (const ref of refs) {
      if (/^(data:|#)/.test(ref)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) problems.push(`${ref} is remote`);
      else if (ref.startsWith('/')) problems.push(`${ref} is absolute: under file:// it points at the disk root (set base: './')`);
      else if (!existsSync(join(dirname(abs(OUT_RENDERER)), ref.split(/[?#]/)[0]))) problems.push(`${ref} does not exist`);
    }
    if (problems.length) fail(problems.join('; '));
    return `${refs.length} reference(s)`;
  });
  check('renderer: index.html carries a Content-Security-Policy', () => {
    const html = read(OUT_RENDERER);
    const m = html.match(/http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*?content\s*=\s*(["'])(.*?)\1/is);
    if (!m) fail('no <meta http-equiv="Content-Security-Policy">');
    const policy = m[2].replace(/\s+/g, ' ').trim();
    const script = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? policy.split(';')[0];
    if (!/^script-src 'self'$/.test(script) && !/^default-src 'self'$/.test(script)) fail(`scripts not limited to 'self': ${script}`);
    return script;
  });
}

// --- package.json -----------------------------------------------------------------------------------------------
check('package.json "main" is out/main/index.js', () => {
  const main = posix.normalize(String(pkg.main ?? ''));
  if (main !== OUT_MAIN) fail(`"main" is ${JSON.stringify(pkg.main)}`);
  return main;
});
check('electron is a devDependency (electron-builder refuses it in dependencies)', () => {
  if (pkg.dependencies?.electron) fail('electron is in "dependencies"');
  if (!pkg.devDependencies?.electron) fail('electron is not in "devDependencies"');
  return pkg.devDependencies.electron;
});

// --- electron-builder.yml ---------------------------------------------------------------------------------------
let config;
check('electron-builder.yml parses', () => {
  const yaml = require('js-yaml');
  config = yaml.load(read('electron-builder.yml'));
  if (!config || typeof config !== 'object') fail('not a mapping');
  return `appId ${config.appId}, productName ${config.productName}`;
});

if (config) {
  await (async () => {
    let validate;
    try {
      ({ validateConfiguration: validate } = require('app-builder-lib/out/util/config/config.js'));
    } catch {
      record('skip', "electron-builder.yml passes electron-builder's schema", 'app-builder-lib not loadable');
      return;
    }
    try {
      const { DebugLogger } = require('builder-util');
      await validate(JSON.parse(JSON.stringify(config)), new DebugLogger(false));
      record('pass', "electron-builder.yml passes electron-builder's schema", `app-builder-lib ${require('app-builder-lib/package.json').version}`);
    } catch (err) {
      record('fail', "electron-builder.yml passes electron-builder's schema", String(err?.message ?? err).split('\n').slice(0, 3).join(' '));
    }
  })();

  check('electron-builder.yml: npmRebuild and nodeGypRebuild are false', () => {
    if (config.npmRebuild !== false) fail('npmRebuild must be false (offline it deletes better-sqlite3\'s build)');
    if (config.nodeGypRebuild !== false) fail('nodeGypRebuild must be false');
    return 'native modules are rebuilt only by `npm run rebuild:electron`';
  });

  const targetsOf = (platform) =>
    [config[platform]?.target ?? []].flat().map((t) => String(typeof t === 'string' ? t : t?.target).toLowerCase());
  for (const [platform, wanted] of [
    ['win', ['nsis']],
    ['mac', ['dmg']],
    ['linux', ['appimage', 'deb']],
  ]) {
    check(`electron-builder.yml: ${platform} targets ${wanted.join(' + ')}`, () => {
      const have = targetsOf(platform);
      const missing = wanted.filter((t) => !have.includes(t));
      if (missing.length) fail(`missing ${missing.join(', ')} (has ${have.join(', ') || 'none'})`);
      return have.join(', ');
    });
  }

  // electron-builder's rule: patterns apply in order, a later '!pattern' excludes; the production node_modules are
  // added whatever `files` says, then filtered by the same patterns.
  const { minimatch } = require('minimatch');
  const patterns = [config.files ?? ['**/*']].flat().map((p) => (typeof p === 'string' ? p : p?.from ? `${p.from}/**/*` : '**/*'));
  const packaged = (rel) => {
    let included = rel.startsWith('node_modules/');
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (minimatch(rel, p.slice(1), { dot: true })) included = false;
      } else if (minimatch(rel, p, { dot: true })) included = true;
    }
    return included;
  };

  if (isBuilt) {
    check('electron-builder.yml: `files` takes every built file', () => {
      const outFiles = walk('out').filter((f) => !f.endsWith('.map'));
      const left = [...outFiles, 'package.json'].filter((f) => !packaged(f));
      if (left.length) fail(`left out: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ` … (${left.length})` : ''}`);
      return `${outFiles.length} files under out/ + package.json`;
    });
  }
  check('electron-builder.yml: `files` takes the resources and leaves the sources and tests out', () => {
    const resources = walk('resources').filter((f) => !f.startsWith('resources/icons/'));
    const missing = resources.filter((f) => !packaged(f));
    if (missing.length) fail(`resources left out: ${missing.slice(0, 5).join(', ')}`);
    const sources = ['src-main/electron/main.ts', 'src-renderer/main.tsx', 'shared/errors.ts', 'test/unit/x.test.ts', 'scripts/pack-dir.mjs', 'electron-builder.yml', '.npmrc', 'release/x'];
    const leaked = sources.filter(packaged);
    if (leaked.length) fail(`would package ${leaked.join(', ')}`);
    return `${resources.length} resource file(s)`;
  });

  check("better-sqlite3's native module exists, is packaged, and is unpacked from the asar", () => {
    if (!pkg.dependencies?.['better-sqlite3']) fail('better-sqlite3 is not a production dependency');
    if (!existsSync(abs(SQLITE_NODE))) fail(`${SQLITE_NODE} is missing: run \`npm rebuild better-sqlite3\``);
    if (!packaged(SQLITE_NODE)) fail(`\`files\` excludes ${SQLITE_NODE}`);
    const unpack = [config.asarUnpack ?? []].flat();
    if (config.asar === false) return 'asar is off';
    if (!unpack.some((p) => minimatch(SQLITE_NODE, p, { dot: true }))) fail(`no asarUnpack pattern covers ${SQLITE_NODE}`);
    return SQLITE_NODE;
  });
}

// --- electron-builder --dir, where the binary exists ------------------------------------------------------------
const binary = electronBinary();
if (!binary.path) {
  record('skip', 'electron-builder --dir', `Electron binary not installed on this machine (${binary.reason})`);
} else if (args.has('--no-builder')) {
  record('skip', 'electron-builder --dir', '--no-builder');
} else if (!isBuilt || results.some((r) => r.status === 'fail')) {
  record('skip', 'electron-builder --dir', 'fix the failures above first');
} else {
  check('electron-builder --dir (with the local Electron binary)', () => {
    const version = require('electron/package.json').version;
    const r = spawnSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--dir', '--config', 'electron-builder.yml', `-c.electronDist=${binary.distDir}`, `-c.electronVersion=${version}`],
      { cwd: root, stdio: 'inherit' },
    );
    if (r.status !== 0) fail(`electron-builder exited with ${r.status}`);
    const unpackedDirs = existsSync(abs('release')) ? readdirSync(abs('release')).filter((d) => /unpacked$|^mac/.test(d)) : [];
    const asar = unpackedDirs
      .flatMap((d) => [join(abs('release'), d, 'resources', 'app.asar'), ...walk(`release/${d}`).filter((f) => f.endsWith('/Resources/app.asar')).map(abs)])
      .find((p) => existsSync(p));
    if (!asar) fail('no app.asar under release/');
    const { listPackage } = require('@electron/asar');
    const inside = new Set(listPackage(asar).map((p) => p.split(sep).join('/').replace(/^\//, '')));
    const missing = [OUT_MAIN, OUT_PRELOAD, OUT_RENDERER, 'package.json'].filter((f) => !inside.has(f));
    if (missing.length) fail(`app.asar lacks ${missing.join(', ')}`);
    const unpackedNode = join(`${asar}.unpacked`, ...SQLITE_NODE.split('/'));
    if (!existsSync(unpackedNode)) fail(`${unpackedNode} missing`);
    return `${toPosix(relative(root, asar))}; better_sqlite3.node unpacked (built for Electron only after \`npm run rebuild:electron\`)`;
  });
}

// ---------------------------------------------------------------------------------------------------------------
const count = (s) => results.filter((r) => r.status === s).length;
console.log('');
if (!isBuilt) console.log('Run `npm run build` first, then `npm run pack:dir` again. (请先运行 npm run build)');
console.log(`pack:dir: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
process.exit(count('fail') > 0 ? 1 : 0);
