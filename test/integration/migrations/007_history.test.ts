import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrations/index.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { projectHistory } from '../../../src-main/services/library.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

const row = (id: string, version: number, name: string, status = 'listed') => ({
  id, library: 'green', name, owner_name: '企业', owner_uscc: '91440705MA4UXXXX0X', district: '新会区', industry_code: 'C4220', category: 'resource_recycling',
  total_investment_fen: 100, financing_need_fen: 50, carbon_reduction_t: 0, energy_saved_tce: 0, waste_utilized_t: 0, hazardous_disposed_t: 0,
  source_dept: '市工信局', status, listed_at: '2024-03-01', updated_at: '2026-10-20', library_version: version,
});

describe('migration 007 (copy-on-write history)', () => {
  it('moves each current state out of the history into its row, with what changed; older versions stay', async () => {
    const file = join(tempDir(), 'm.db');
    const conn = new BetterSqlite3(file);
    migrate(conn, 6);
    const insert = conn.prepare(`INSERT INTO project VALUES (@id, @library, @name, @owner_name, @owner_uscc, @district, @industry_code, @category, @total_investment_fen,
      @financing_need_fen, @carbon_reduction_t, @energy_saved_tce, @waste_utilized_t, @hazardous_disposed_t, @source_dept, @status, @listed_at, @updated_at, @library_version)`);
    const version = conn.prepare('INSERT INTO project_version (project_id, library_version, data, changed) VALUES (?, ?, ?, ?)');
    // A: listed in 1, renamed in 2. B: listed in 1, unchanged since.
    insert.run(row('A', 2, '二期项目'));
    insert.run(row('B', 1, '项目乙'));
    version.run('A', 1, JSON.stringify({ id: 'A', name: '一期项目', libraryVersion: 1 }), '[]');
    version.run('A', 2, JSON.stringify({ id: 'A', name: '二期项目', libraryVersion: 2 }), '["name"]');
    version.run('B', 1, JSON.stringify({ id: 'B', name: '项目乙', libraryVersion: 1 }), '[]');
    conn.prepare("INSERT INTO library_state VALUES (1, 2, 'i', '2026-11-01', '2026-11-02', 'import')").run();
    expect(migrate(conn, 7)).toBe(7);
    expect(schemaVersion(conn)).toBe(7);
    expect(conn.prepare('SELECT id, changed FROM project ORDER BY id').all()).toEqual([{ id: 'A', changed: '["name"]' }, { id: 'B', changed: '[]' }]);
    expect(conn.prepare('SELECT project_id, library_version FROM project_version').all()).toEqual([{ project_id: 'A', library_version: 1 }]);
    // The search index is untouched and still right (no indexed column changed).
    expect(conn.prepare("SELECT count(*) FROM project_fts WHERE project_fts MATCH '二期项'").pluck().get()).toBe(1);
    expect(() => conn.exec("INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    conn.close();
    const db = openDatabase(file);
    expect((await projectHistory(db, 'A')).map((v) => [v.libraryVersion, v.changed, v.project.name])).toEqual([
      [2, ['name'], '二期项目'],
      [1, [], '一期项目'],
    ]);
    await db.close();
  });
});
