import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src-main/db/open.js';
import { applyLibrarySnapshot, pageProjects, projectById, projectHistory } from '../../src-main/services/library.js';
import { getLibraryInfo } from '../../src-main/db/queries/library.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

describe('applying a library snapshot', () => {
  it('inserts, converts yuan to integer fen, and records the library state', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const counts = applyLibrarySnapshot(db, snapshot(1, [project(1), project(2)]), 'import', new Date('2026-11-02T00:00:00Z'));
    expect(counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, withdrawn: 0, version: 1 });
    const p = await projectById(db, 'JM-GP-2024-00001');
    expect(p.financingNeedFen).toBe(8_000_000_050);
    expect(p.totalInvestmentFen).toBe(12_000_000_000);
    expect(await getLibraryInfo(db.read)).toMatchObject({ version: 1, projectCount: 2, source: 'import', syncedAt: '2026-11-02T00:00:00.000Z' });
    await db.close();
  });

  it('updates changed projects, keeps every version with what changed, and withdraws missing ones', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    applyLibrarySnapshot(db, snapshot(1, [project(1), project(2), project(3)]), 'import');
    const counts = applyLibrarySnapshot(
      db,
      snapshot(2, [project(1), project(2, { status: 'under_construction', financingNeedYuan: 1000 }), project(4)]),
      'import',
    );
    expect(counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, withdrawn: 1, version: 2 });
    expect((await projectById(db, 'JM-GP-2024-00003')).status).toBe('withdrawn');
    const versions = (await projectHistory(db, 'JM-GP-2024-00002')).map((v) => ({ version: v.libraryVersion, changed: v.changed, status: v.project.status }));
    expect(versions).toEqual([
      { version: 2, changed: ['financingNeedFen', 'status'], status: 'under_construction' },
      { version: 1, changed: [], status: 'listed' },
    ]);
    // Copy on write: the history holds only the states that were replaced; the current one is the row.
    expect(db.rawRead.prepare('SELECT project_id, library_version FROM project_version ORDER BY project_id').all()).toEqual([
      { project_id: 'JM-GP-2024-00002', library_version: 1 },
      { project_id: 'JM-GP-2024-00003', library_version: 1 },
    ]);
    expect((await projectHistory(db, 'JM-GP-2024-00003'))[0]).toMatchObject({ libraryVersion: 2, changed: ['status'], project: { status: 'withdrawn' } });
    const page = await pageProjects(db, { status: 'withdrawn' }, 1, 10);
    expect(page.total).toBe(1);
    await db.close();
  });

  it('a first import that fails half-way leaves the schema as it was: no rows, every index and the search index back', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const indexes = () => db.rawRead.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' ORDER BY name").all();
    const before = indexes();
    expect(before.length).toBeGreaterThanOrEqual(5);
    // The first copy drops the secondary indexes to build them once at the end; a failure rolls that back too.
    expect(() => applyLibrarySnapshot(db, snapshot(1, [project(1), project(2), project(1)]), 'import')).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(indexes()).toEqual(before);
    expect(db.rawRead.prepare('SELECT count(*) FROM project').pluck().get()).toBe(0);
    expect(db.rawRead.prepare('SELECT count(*) FROM search_index_paused').pluck().get()).toBe(0);
    applyLibrarySnapshot(db, snapshot(1, [project(1), project(2)]), 'import');
    expect(indexes()).toEqual(before);
    const plan = db.rawRead.prepare("EXPLAIN QUERY PLAN SELECT id FROM project WHERE district = '新会区'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/project_district_idx/);
    expect(db.rawWrite.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.close();
  });

  it('refuses an older snapshot and changes nothing; the same version again is a no-op', async () => {
    const file = join(tempDir(), 'a.db');
    const db = openDatabase(file);
    applyLibrarySnapshot(db, snapshot(5, [project(1)]), 'import');
    db.rawWrite.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(file);
    expect(() => applyLibrarySnapshot(db, snapshot(4, [project(9)]), 'import')).toThrow(expect.objectContaining({ code: 'SNAPSHOT_OLDER' }));
    const again = applyLibrarySnapshot(db, snapshot(5, [project(9)]), 'import');
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1, withdrawn: 0, version: 5 });
    db.rawWrite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).equals(before)).toBe(true);
    await db.close();
  });

  it('pages in a stable order', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    applyLibrarySnapshot(db, snapshot(1, Array.from({ length: 25 }, (_, i) => project(i + 1))), 'import');
    const p1 = await pageProjects(db, {}, 1, 10);
    const p3 = await pageProjects(db, {}, 3, 10);
    expect(p1.total).toBe(25);
    expect(p1.items).toHaveLength(10);
    expect(p3.items).toHaveLength(5);
    const all = [...p1.items, ...(await pageProjects(db, {}, 2, 10)).items, ...p3.items].map((p) => p.id);
    expect(new Set(all).size).toBe(25);
    await db.close();
  });
});
