// `npm run bench`: figures and ratios, never asserted. Storage layer against raw better-sqlite3 in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open.js';
import { applySnapshot } from '../../src-main/db/mutations/library.js';
import type { Project } from '../../shared/domain/project.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-'));

function ms(t0: number): number {
  return performance.now() - t0;
}

function rows(n: number): Project[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `JM-GP-2024-${String(i).padStart(6, '0')}`,
    library: 'green',
    name: `江门市第${i}号资源循环利用项目`,
    ownerName: `江门市五邑环保科技有限公司${i % 5000}`,
    ownerUscc: '91440705MA4UXXXX0X',
    district: '新会区',
    industryCode: 'C4220',
    category: 'resource_recycling',
    totalInvestmentFen: 12_000_000_000 + i,
    financingNeedFen: 8_000_000_000,
    expectedBenefits: { carbonReductionT: 1200, energySavedTce: 0, wasteUtilizedT: 5000, hazardousDisposedT: 0 },
    sourceDept: '市工业和信息化局',
    status: 'listed',
    listedAt: '2024-03-01',
    updatedAt: '2026-10-20',
    libraryVersion: 1,
  }));
}

function report(name: string, value: string) {
  console.log(`${name.padEnd(58)} ${value}`);
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

  // 2. 100k-row insert: the storage layer (snapshot apply with versions) vs raw prepared inserts of the same rows.
  const data = rows(ROWS);
  const app = openDatabase(join(dir, 'layer.db'));
  t = performance.now();
  applySnapshot(app.rawWrite, { version: 1, issuer: 'bench', issuedAt: '2026-11-01', source: 'import', syncedAt: new Date().toISOString() }, data);
  const layer = ms(t);
  await app.close();

  const raw = new BetterSqlite3(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`CREATE TABLE project (id TEXT PRIMARY KEY, library TEXT, name TEXT, owner_name TEXT, owner_uscc TEXT, district TEXT,
    industry_code TEXT, category TEXT, total_investment_fen INTEGER, financing_need_fen INTEGER, carbon_reduction_t REAL,
    energy_saved_tce REAL, waste_utilized_t REAL, hazardous_disposed_t REAL, source_dept TEXT, status TEXT, listed_at TEXT,
    updated_at TEXT, library_version INTEGER)`);
  const ins = raw.prepare('INSERT INTO project VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  t = performance.now();
  raw.transaction(() => {
    for (const p of data) {
      ins.run(p.id, p.library, p.name, p.ownerName, p.ownerUscc, p.district, p.industryCode, p.category, p.totalInvestmentFen,
        p.financingNeedFen, p.expectedBenefits.carbonReductionT, p.expectedBenefits.energySavedTce, p.expectedBenefits.wasteUtilizedT,
        p.expectedBenefits.hazardousDisposedT, p.sourceDept, p.status, p.listedAt, p.updatedAt, 1);
    }
  })();
  const rawMs = ms(t);
  raw.close();
  report(`insert ${ROWS.toLocaleString('en')} projects via storage layer (with versions)`, `${layer.toFixed(0)} ms (${Math.round(ROWS / (layer / 1000)).toLocaleString('en')} rows/s)`);
  report(`insert ${ROWS.toLocaleString('en')} rows, raw better-sqlite3 prepared`, `${rawMs.toFixed(0)} ms (${Math.round(ROWS / (rawMs / 1000)).toLocaleString('en')} rows/s)`);
  report('ratio storage layer / raw', `${(layer / rawMs).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const { benchScoring } = await import('./scoring.js');
benchScoring(report);
await (await import('./search.js')).runSearchBench();
