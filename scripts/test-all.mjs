#!/usr/bin/env node
// `npm test`: typecheck, lint (including the layering rule), build, unit and integration tests (vitest: node and
// dom), then end-to-end tests in real Chromium through browser mode (Playwright). Every step runs even when an
// earlier one fails; the last line is the plain summary `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestPostgres } from './pg-for-tests.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

check('typecheck (node)', step('typecheck (node)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']));
check('typecheck (web)', step('typecheck (web)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.web.json', '--noEmit']));
check('lint + layering', step('lint + layering', [bin('eslint', 'bin/eslint.js'), '.', '--max-warnings', '0']));

// The build first: the unit tests also check the built preload bundle (it must require nothing but 'electron').
const buildOk = step('build (electron-vite)', [bin('electron-vite', 'bin/electron-vite.js'), 'build']);
check('build', buildOk);

// The hub's tests run on SQLite and on PostgreSQL: a server given in GREENDESK_TEST_PG, or one started here.
let pg = null;
if (!process.env.GREENDESK_TEST_PG) {
  pg = await startTestPostgres();
  if (pg.url) process.env.GREENDESK_TEST_PG = pg.url;
  else console.log(`\n(note) ${pg.skipped}`);
}
console.log(`\nhub tests on PostgreSQL: ${process.env.GREENDESK_TEST_PG ? process.env.GREENDESK_TEST_PG.replace(/:[^:@/]*@/, ':***@') : 'no'}`);

const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = step('unit + integration (vitest)', [
  bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  if (v.numFailedTests > 0 || v.numFailedTestSuites > 0) failures.push('vitest');
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) failed += v.numFailedTestSuites;
} else if (!vitestOk) check('vitest', false);


if (buildOk) {
  const pwJson = join(tmp, 'playwright.json');
  rmSync(pwJson, { force: true });
  const pwOk = step('end-to-end (Playwright, real Chromium)', [bin('@playwright/test', 'cli.js'), 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson,
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected;
    skipped += s.skipped;
    if (s.unexpected > 0) failures.push('e2e');
  } else if (!pwOk) check('e2e', false);
  check('package structure (pack:dir)', step('package structure (pack:dir)', [join(root, 'scripts', 'pack-dir.mjs')]));
}

pg?.stop?.();

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(tmp, 'summary.txt'), summary + '\n');
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
