// Importing 100,000 projects from a JSON snapshot through the real import path (parse, validate every row, apply
// with versions and the search index) against raw better-sqlite3 prepared inserts of the same rows into a table
// plus a trigram FTS index, in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open.js';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { runLibraryImport } from '../../src-main/services/library-import/import.js';

export async function benchImport(report: (name: string, value: string) => void, count = Number(process.env.BENCH_ROWS ?? 100_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-import-'));
  try {
    const doc = generateDemoSnapshot({ projects: count });
    const file = join(dir, 'library.json');
    writeFileSync(file, JSON.stringify(doc));
    const db = openDatabase(join(dir, 'import.db'));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let t = performance.now();
    await runLibraryImport(db, file, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    const importMs = performance.now() - t;
    clearInterval(sampler);
    await db.close();

    const raw = new BetterSqlite3(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`CREATE TABLE project (id TEXT PRIMARY KEY, library TEXT, name TEXT, owner_name TEXT, owner_uscc TEXT, district TEXT,
      industry_code TEXT, category TEXT, total_investment_fen INTEGER, financing_need_fen INTEGER, source_dept TEXT, status TEXT,
      listed_at TEXT, updated_at TEXT);
      CREATE VIRTUAL TABLE project_fts USING fts5(id, name, owner_name, owner_uscc, tokenize = 'trigram');`);
    const ins = raw.prepare('INSERT INTO project VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const fts = raw.prepare('INSERT INTO project_fts (rowid, id, name, owner_name, owner_uscc) VALUES (?,?,?,?,?)');
    t = performance.now();
    raw.transaction(() => {
      for (const p of doc.projects) {
        const r = ins.run(p.id, p.library, p.name, p.ownerName, p.ownerUscc, p.district, p.industryCode, p.category,
          Math.round(p.totalInvestmentYuan * 100), Math.round(p.financingNeedYuan * 100), p.sourceDept, p.status, p.listedAt, p.updatedAt);
        fts.run(r.lastInsertRowid, p.id, p.name, p.ownerName, p.ownerUscc);
      }
    })();
    const rawMs = performance.now() - t;
    raw.close();
    const n = count.toLocaleString('en');
    report(`import ${n} projects from JSON (validate, versions, search index)`, `${importMs.toFixed(0)} ms, peak RSS +${((peak - rssBefore) / 1048576).toFixed(0)} MiB`);
    report(`raw prepared inserts of ${n} rows into a table + trigram FTS`, `${rawMs.toFixed(0)} ms`);
    report('ratio import / raw (goal ≤ 2×)', `${(importMs / rawMs).toFixed(2)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
