// Library search and export over a demo library (BENCH_SEARCH_ROWS, default 100,000 projects): search latency
// p50/p95 for 1-, 2-, 3- and 6-character queries cut from real project names (alone and with a filter), and the
// time to export every row to XLSX and CSV. Figures only, never asserted (ENGINEERING.md).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DISTRICTS } from '../../shared/domain/jiangmen.js';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import { searchProjects, type SearchFilter } from '../../src-main/db/queries/library-search.js';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { createRng } from '../../src-main/services/demo/random.js';
import { writeLibraryFile } from '../../src-main/services/library-export.js';
import { applyLibrarySnapshot } from '../../src-main/services/library.js';

const ROWS = Number(process.env.BENCH_SEARCH_ROWS ?? 100_000);
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 400);
const PAGE = 50;

function report(name: string, value: string) {
  console.log(`${name.padEnd(58)} ${value}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `count` substrings of `length` characters, each cut at a random place of a random project name. */
function sampleQueries(names: string[], length: number, count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const chars = [...rng.pick(names)].filter((c) => !/\s/.test(c));
    if (chars.length < length) continue;
    const at = rng.int(0, chars.length - length);
    out.push(chars.slice(at, at + length).join(''));
  }
  return out;
}

async function timeQueries(db: AppDb, filters: SearchFilter[]): Promise<{ p50: number; p95: number; max: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (const f of filters) {
    const t = performance.now();
    const r = await searchProjects(db.read, f, 0, PAGE);
    times.push(performance.now() - t);
    hits += r.total;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN, hits: hits / filters.length };
}

export async function runSearchBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-search-'));
  try {
    let t = performance.now();
    const snapshot = generateDemoSnapshot({ projects: ROWS });
    const generated = performance.now() - t;
    const db = openDatabase(join(dir, 'search.db'));
    try {
      t = performance.now();
      applyLibrarySnapshot(db, snapshot, 'demo');
      const applied = performance.now() - t;
      report(`generate ${ROWS.toLocaleString('en')} demo projects`, `${generated.toFixed(0)} ms`);
      report(`apply them (with versions and the search index)`, `${applied.toFixed(0)} ms`);

      const names = snapshot.projects.map((p) => p.name);
      // Warm the page cache as a running app would be.
      await searchProjects(db.read, { q: '项目' }, 0, PAGE);
      const rng = createRng(7);
      for (const length of [1, 2, 3, 6]) {
        const qs = sampleQueries(names, length, QUERIES, 1000 + length);
        const plain = await timeQueries(db, qs.map((q) => ({ q })));
        report(
          `search ${length}-char query (${QUERIES} from real names), p50 / p95`,
          `${plain.p50.toFixed(2)} / ${plain.p95.toFixed(2)} ms (max ${plain.max.toFixed(1)}, avg ${Math.round(plain.hits)} hits)`,
        );
        const filtered = await timeQueries(db, qs.map((q) => ({ q, district: rng.pick(DISTRICTS), status: 'listed' })));
        report(
          `  … with district + status filters, p50 / p95`,
          `${filtered.p50.toFixed(2)} / ${filtered.p95.toFixed(2)} ms (max ${filtered.max.toFixed(1)}, avg ${Math.round(filtered.hits)} hits)`,
        );
      }
      const ids = snapshot.projects.filter((_, i) => i % Math.max(1, Math.floor(ROWS / QUERIES)) === 0).map((p) => p.id.toLowerCase());
      const byId = await timeQueries(db, ids.map((q) => ({ q })));
      report('search by exact id (lower case), p50 / p95', `${byId.p50.toFixed(2)} / ${byId.p95.toFixed(2)} ms`);

      for (const ext of ['xlsx', 'csv'] as const) {
        const out = join(dir, `library.${ext}`);
        t = performance.now();
        const { rows } = await writeLibraryFile(db, {}, out);
        const took = performance.now() - t;
        report(
          `export ${rows.toLocaleString('en')} projects to ${ext.toUpperCase()} (streamed)`,
          `${took.toFixed(0)} ms (${(statSync(out).size / 1024 / 1024).toFixed(1)} MB, ${Math.round(rows / (took / 1000)).toLocaleString('en')} rows/s)`,
        );
      }
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
