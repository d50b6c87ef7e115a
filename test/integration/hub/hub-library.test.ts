// The hub's library on SQLite and on PostgreSQL: publishing with the local import's rules, the changes between
// two versions page by page (stable while a newer version is published), and the hub's own export.
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project.js';
import { validateSnapshotDocument } from '../../../src-node/library-files/read.js';
import type { HubDb } from '../../../src-hub/db/open.js';
import { exportHubLibrary } from '../../../src-hub/services/export.js';
import { libraryChanges, libraryHead, publishLibrary } from '../../../src-hub/services/library.js';
import { readLibraryFile } from '../../../src-node/library-files/read.js';
import { HUB_KINDS, makeHubTarget, type HubTarget } from '../../helpers/hub.js';
import { project, snapshot } from '../../helpers/projects.js';
import { useTempDir } from '../../helpers/tmp.js';
import { join } from 'node:path';

const tempDir = useTempDir();

async function projectsOf(version: number, list: ReturnType<typeof project>[]) {
  const v = await validateSnapshotDocument(snapshot(version, list));
  expect(v.rejected).toEqual([]);
  return { meta: v.meta, projects: v.projects };
}

async function allChanges(db: HubDb, from: number, to: number, limit: number): Promise<Project[]> {
  const out: Project[] = [];
  let after = '';
  for (;;) {
    const page = await libraryChanges(db.db, { from, to, after, limit });
    out.push(...page.projects);
    if (page.next === null) return out;
    after = page.next;
  }
}

describe.each(HUB_KINDS)('hub library on %s', (kind) => {
  let target: HubTarget;
  let hub: HubDb;
  const open = async () => {
    target = await makeHubTarget(kind);
    hub = await target.open();
  };
  afterEach(async () => {
    await hub?.close();
    await target?.dispose();
  });

  it('publishes with the import rules: same version changes nothing, older refused, missing withdrawn', async () => {
    await open();
    const v1 = await projectsOf(1, [project(1), project(2), project(3)]);
    expect(await publishLibrary(hub.db, v1.meta, v1.projects)).toMatchObject({ version: 1, inserted: 3, updated: 0, withdrawn: 0 });
    expect(await publishLibrary(hub.db, v1.meta, v1.projects)).toMatchObject({ version: 1, inserted: 0, unchanged: 3 });
    const v2 = await projectsOf(2, [project(1), project(2, { name: '改名后的项目' }), project(4)]);
    expect(await publishLibrary(hub.db, v2.meta, v2.projects)).toMatchObject({ version: 2, inserted: 1, updated: 1, unchanged: 1, withdrawn: 1 });
    await expect(publishLibrary(hub.db, v1.meta, v1.projects)).rejects.toMatchObject({ code: 'SNAPSHOT_OLDER' });
    expect(await libraryHead(hub.db)).toMatchObject({ version: 2, projectCount: 4 });
    // A rejected row's project is retained, never withdrawn because of a bad row.
    const v3 = await projectsOf(3, [project(1), project(4)]);
    expect(await publishLibrary(hub.db, v3.meta, v3.projects, new Set([project(2).id]))).toMatchObject({ withdrawn: 0 });
  });

  it('serves (from, to] as each project stood at `to`, page by page, the same before and after a newer version', async () => {
    await open();
    const many = Array.from({ length: 57 }, (_, i) => project(i + 1));
    const v1 = await projectsOf(1, many);
    await publishLibrary(hub.db, v1.meta, v1.projects);
    const v2 = await projectsOf(2, [...many.slice(0, 50).map((p, i) => (i % 10 === 0 ? { ...p, status: 'in_operation' as const } : p)), project(100)]);
    await publishLibrary(hub.db, v2.meta, v2.projects);

    const first = await libraryChanges(hub.db, { from: 0, to: 2, after: '', limit: 10 });
    expect(first.total).toBe(58);
    expect(first.projects).toHaveLength(10);
    const bulk = await allChanges(hub, 0, 2, 10);
    expect(bulk.map((p) => p.id)).toEqual([...bulk.map((p) => p.id)].sort());
    expect(bulk).toHaveLength(58);
    expect(bulk.filter((p) => p.status === 'withdrawn')).toHaveLength(7);
    const delta = await allChanges(hub, 1, 2, 4);
    // 5 changed to in_operation, 7 withdrawn, 1 new
    expect(delta).toHaveLength(13);
    expect(delta.every((p) => p.libraryVersion === 2)).toBe(true);
    const asOf1 = await allChanges(hub, 0, 1, 7);

    // A newer version published in between does not change what (0, 1] or (1, 2] answer.
    const v3 = await projectsOf(3, [project(1, { name: '第三版' })]);
    await publishLibrary(hub.db, v3.meta, v3.projects);
    expect(await allChanges(hub, 0, 1, 5)).toEqual(asOf1);
    expect(await allChanges(hub, 1, 2, 3)).toEqual(delta);
    expect((await allChanges(hub, 2, 3, 100)).find((p) => p.id === project(1).id)?.name).toBe('第三版');
    expect(asOf1.every((p) => p.status === 'listed' && p.libraryVersion === 1)).toBe(true);
  });

  it('refuses a version it never published, and a backward range', async () => {
    await open();
    const v1 = await projectsOf(5, [project(1)]);
    await publishLibrary(hub.db, v1.meta, v1.projects);
    await expect(libraryChanges(hub.db, { from: 3, to: 5, after: '', limit: 10 })).rejects.toMatchObject({ code: 'UNKNOWN_BASE_VERSION' });
    await expect(libraryChanges(hub.db, { from: 0, to: 6, after: '', limit: 10 })).rejects.toMatchObject({ code: 'UNKNOWN_BASE_VERSION' });
    await expect(libraryChanges(hub.db, { from: 5, to: 0, after: '', limit: 10 })).rejects.toMatchObject({ code: 'BAD_VERSION_RANGE' });
  });

  it("exports its library as a snapshot file that the importer reads back exactly", async () => {
    await open();
    const list = [project(1, { financingNeedYuan: 12345.67 }), project(2, { status: 'under_construction' })];
    const v = await projectsOf(7, list);
    await publishLibrary(hub.db, v.meta, v.projects);
    const out = join(tempDir(), 'hub-export.json');
    expect(await exportHubLibrary(hub.db, out)).toMatchObject({ version: 7, projects: 2 });
    const back = await readLibraryFile(out, out);
    expect(back.rejected).toEqual([]);
    expect(back.meta.version).toBe(7);
    expect(back.projects.map((p) => ({ ...p, libraryVersion: 0 }))).toEqual(v.projects.map((p) => ({ ...p, libraryVersion: 0 })));
  });
});
