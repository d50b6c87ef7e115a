// `npm run bench`: figures and ratios, never asserted. Storage layer against raw better-sqlite3 in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/open.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-'));

function ms(t0: number): number {
  return performance.now() - t0;
}

function report(name: string, value: string) {
  console.log(`${name.padEnd(66)} ${value}`);
}

try {
  // 1. Open + migrate a new database, and reopen an existing one.
  let t = performance.now();
  const db = openDatabase(join(dir, 'open.db'));
  const openNew = ms(t);
  await db.close();
  t = performance.now();
  const again = openDatabase(join(dir, 'open.db'));
  const openExisting = ms(t);
  await again.close();
  report('open + migrate (new database)', `${openNew.toFixed(1)} ms`);
  report('open (existing database, pragmas, schema check)', `${openExisting.toFixed(1)} ms`);

  // 2. A 100k-project import through the real path against raw inserts (test/bench/import.ts).
  await (await import('./import.js')).benchImport(report, ROWS);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const { benchScoring } = await import('./scoring.js');
benchScoring(report);
await (await import('./keystroke.js')).benchKeystroke(report);
(await import('./checks.js')).benchChecks(report);
await (await import('./search.js')).runSearchBench();
await (await import('./sync.js')).benchSync(report);
