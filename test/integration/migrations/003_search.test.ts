import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { applySnapshot, type SnapshotMeta } from '../../../src-main/db/mutations/library.js';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { snapshotProjectToProject } from '../../../src-main/services/library.js';
import type { SnapshotProject } from '../../../shared/domain/snapshot.js';
import { project } from '../../helpers/projects.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

const meta = (version: number): SnapshotMeta => ({
  version,
  issuer: '江门市金融工作局',
  issuedAt: '2026-11-01T00:00:00+08:00',
  source: 'import',
  syncedAt: '2026-11-02T00:00:00Z',
});

function apply(conn: BetterSqlite3.Database, version: number, projects: SnapshotProject[]) {
  if (schemaVersion(conn) >= 3) {
    // Today's mutation code writes today's schema; later migrations leave the index and its triggers alone.
    migrate(conn);
    return applySnapshot(conn, meta(version), projects.map((p, i) => snapshotProjectToProject(p, i)));
  }
  // Before this migration, data as version 2 stored it (today's mutation code targets today's schema).
  const ins = conn.prepare(`INSERT INTO project (id, library, name, owner_name, owner_uscc, district, industry_code, category,
    total_investment_fen, financing_need_fen, carbon_reduction_t, energy_saved_tce, waste_utilized_t, hazardous_disposed_t,
    source_dept, status, listed_at, updated_at, library_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const [i, sp] of projects.entries()) {
    const p = snapshotProjectToProject(sp, i);
    ins.run(p.id, p.library, p.name, p.ownerName, p.ownerUscc, p.district, p.industryCode, p.category, p.totalInvestmentFen, p.financingNeedFen,
      p.expectedBenefits.carbonReductionT, p.expectedBenefits.energySavedTce, p.expectedBenefits.wasteUtilizedT, p.expectedBenefits.hazardousDisposedT,
      p.sourceDept, p.status, p.listedAt, p.updatedAt, version);
  }
  return undefined;
}

/** Project ids whose indexed text matches an FTS5 expression. */
function match(conn: BetterSqlite3.Database, expr: string): string[] {
  return conn
    .prepare('SELECT p.id FROM project_fts JOIN project p ON p.rowid = project_fts.rowid WHERE project_fts MATCH ? ORDER BY p.id')
    .pluck()
    .all(expr) as string[];
}

/** FTS5's own check of the index against its content (rank = 1: compare with the content table too). */
function integrityCheck(conn: BetterSqlite3.Database): void {
  conn.prepare("INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 1)").run();
}

describe('migration 003 (search)', () => {
  it('upgrades a version-2 database with projects: the index is backfilled and searchable', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 2);
    apply(conn, 1, [
      project(1, { name: '江门市硅能源光伏组件项目', ownerName: '江门市硅能源科技有限公司' }),
      project(2, { name: '蓬江区污水处理厂提标改造工程', district: '蓬江区', status: 'under_construction' }),
      project(3),
    ]);
    expect(migrate(conn, 3)).toBe(3);
    expect(schemaVersion(conn)).toBe(3);

    integrityCheck(conn);
    expect(conn.prepare('SELECT count(*) FROM project_fts').pluck().get()).toBe(3);
    expect(match(conn, '"硅能源"')).toEqual(['JM-GP-2024-00001']);
    expect(match(conn, 'owner_name : "硅能源科技"')).toEqual(['JM-GP-2024-00001']);
    expect(match(conn, '"提标改造"')).toEqual(['JM-GP-2024-00002']);
    // Ids and credit codes, case-insensitively; the sentinels make a whole id matchable exactly.
    expect(match(conn, 'id : "jm-gp-2024-00003"')).toEqual(['JM-GP-2024-00003']);
    expect(match(conn, `id : ^"jm-gp-2024-00003\u001f\u001f"`)).toEqual(['JM-GP-2024-00003']);
    // The filter codes: district 蓬江区 is D1, status under_construction is Su.
    expect(match(conn, 'meta : "\ue000D1"')).toEqual(['JM-GP-2024-00002']);
    expect(match(conn, 'meta : "\ue000Su"')).toEqual(['JM-GP-2024-00002']);
    expect(match(conn, 'meta : "\ue001\ue001C42"')).toHaveLength(3);
    // The vocabulary lists trigrams, including those that end a field.
    const grams = conn.prepare("SELECT term FROM project_fts_vocab WHERE term >= '工程' AND term < '工程\u{10ffff}'").pluck().all();
    expect(grams).toEqual(['工程\u001f']);
    conn.close();
  });

  it('keeps the index in sync when projects are inserted, renamed, withdrawn and deleted', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 3);
    apply(conn, 1, [project(1, { name: '屋顶分布式光伏发电项目' }), project(2), project(3)]);
    expect(match(conn, '"光伏发电"')).toEqual(['JM-GP-2024-00001']);

    // Version 2: project 1 renamed, project 2 gets a new owner, project 3 is missing (withdrawn), 4 is new.
    const counts = apply(conn, 2, [
      project(1, { name: '储能电站建设项目' }),
      project(2, { ownerName: '台山市新能源发电有限公司' }),
      project(4, { name: '海上风电场项目' }),
    ]);
    expect(counts).toMatchObject({ inserted: 1, updated: 2, withdrawn: 1 });
    integrityCheck(conn);
    expect(match(conn, '"光伏发电"')).toEqual([]);
    expect(match(conn, '"储能电站"')).toEqual(['JM-GP-2024-00001']);
    expect(match(conn, 'owner_name : "新能源发电"')).toEqual(['JM-GP-2024-00002']);
    expect(match(conn, '"海上风电"')).toEqual(['JM-GP-2024-00004']);
    expect(match(conn, 'meta : "\ue000Sw"')).toEqual(['JM-GP-2024-00003']);
    expect(match(conn, 'meta : "\ue000Sl"')).toEqual(['JM-GP-2024-00001', 'JM-GP-2024-00002', 'JM-GP-2024-00004']);

    // An update of a column the index does not hold leaves it alone; an industry change moves the code.
    conn.prepare("UPDATE project SET financing_need_fen = 1 WHERE id = 'JM-GP-2024-00004'").run();
    conn.prepare("UPDATE project SET industry_code = 'D4415' WHERE id = 'JM-GP-2024-00004'").run();
    integrityCheck(conn);
    expect(match(conn, 'meta : "\ue001\ue001D44"')).toEqual(['JM-GP-2024-00004']);

    conn.prepare("DELETE FROM project_version WHERE project_id = 'JM-GP-2024-00004'").run();
    conn.prepare("DELETE FROM project WHERE id = 'JM-GP-2024-00004'").run();
    integrityCheck(conn);
    expect(match(conn, '"海上风电"')).toEqual([]);
    expect(conn.prepare('SELECT count(*) FROM project_fts').pluck().get()).toBe(3);
    conn.close();
  });

  it('a bulk writer can pause the triggers and rebuild the index once at the end', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 3);
    apply(conn, 1, [project(1, { name: '屋顶分布式光伏发电项目' }), project(2)]);
    conn.transaction(() => {
      conn.prepare('INSERT INTO search_index_paused VALUES (1)').run();
      apply(conn, 2, [project(1, { name: '储能电站建设项目' }), project(3, { name: '海上风电场项目' })]);
      expect(match(conn, '"海上风电"')).toEqual([]); // not indexed while paused
      conn.prepare('DELETE FROM search_index_paused').run();
      conn.prepare("INSERT INTO project_fts (project_fts) VALUES ('rebuild')").run();
    })();
    integrityCheck(conn);
    expect(match(conn, '"海上风电"')).toEqual(['JM-GP-2024-00003']);
    expect(match(conn, '"光伏发电"')).toEqual([]);
    expect(match(conn, '"储能电站"')).toEqual(['JM-GP-2024-00001']);
    expect(match(conn, 'meta : "\ue000Sw"')).toEqual(['JM-GP-2024-00002']);
    conn.close();
  });

  it('a failing migration leaves the database at version 2', () => {
    const conn = new BetterSqlite3(join(tempDir(), 'm.db'));
    migrate(conn, 2);
    conn.exec('CREATE TABLE project_fts (x INTEGER)'); // collides with 003's index
    expect(() => migrate(conn, 3)).toThrow(/already exists/);
    expect(schemaVersion(conn)).toBe(2);
    conn.close();
  });
});
