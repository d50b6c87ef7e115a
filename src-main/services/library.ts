/** The project library service: browsing the local copy and applying snapshots (demo, file import, hub pull). */
import { yuanToFen } from '../../shared/domain/money.js';
import type { Project } from '../../shared/domain/project.js';
import { type LibrarySnapshot, type SnapshotProject } from '../../shared/domain/snapshot.js';
import { AppError } from '../../shared/errors.js';
import type { AppDb } from '../db/open.js';
import { applySnapshot, type ApplyCounts } from '../db/mutations/library.js';
import { countProjects, getLibraryInfo, getProject, listProjects, rowToProject } from '../db/queries/library.js';
import { searchProjects, type SearchFilter } from '../db/queries/library-search.js';

export function snapshotProjectToProject(p: SnapshotProject, row: number): Project {
  const total = yuanToFen(p.totalInvestmentYuan);
  const need = yuanToFen(p.financingNeedYuan);
  if (total === null) throw new AppError('VALIDATION', { path: `projects[${row}].totalInvestmentYuan`, params: { detail: 'totalInvestmentYuan' } });
  if (need === null) throw new AppError('VALIDATION', { path: `projects[${row}].financingNeedYuan`, params: { detail: 'financingNeedYuan' } });
  return {
    id: p.id,
    library: p.library,
    name: p.name,
    ownerName: p.ownerName,
    ownerUscc: p.ownerUscc,
    district: p.district,
    industryCode: p.industryCode,
    category: p.category,
    totalInvestmentFen: total,
    financingNeedFen: need,
    expectedBenefits: { ...p.expectedBenefits },
    sourceDept: p.sourceDept,
    status: p.status,
    listedAt: p.listedAt,
    updatedAt: p.updatedAt,
    libraryVersion: 0,
  };
}

/** Applies an already-validated snapshot. */
export function applyLibrarySnapshot(
  db: AppDb,
  snapshot: LibrarySnapshot,
  source: 'import' | 'hub' | 'demo',
  now: Date = new Date(),
): ApplyCounts {
  const projects = snapshot.projects.map((p, i) => snapshotProjectToProject(p, i));
  return applySnapshot(
    db.rawWrite,
    { version: snapshot.version, issuer: snapshot.issuer, issuedAt: snapshot.issuedAt, source, syncedAt: now.toISOString() },
    projects,
  );
}

/** One page of the library: ranked search when there is query text or an industry prefix, the plain list otherwise. */
export async function pageProjects(db: AppDb, filter: SearchFilter, page: number, pageSize: number) {
  if ((filter.q !== undefined && filter.q.trim() !== '') || filter.industryPrefix) {
    const found = await searchProjects(db.read, filter, (page - 1) * pageSize, pageSize);
    return { total: found.total, page, pageSize, items: found.items };
  }
  const [total, items] = await Promise.all([
    countProjects(db.read, filter),
    listProjects(db.read, filter, (page - 1) * pageSize, pageSize),
  ]);
  return { total, page, pageSize, items };
}

export async function projectById(db: AppDb, id: string): Promise<Project> {
  const p = await getProject(db.read, id);
  if (!p) throw new AppError('NOT_FOUND', { path: 'id', params: { what: id } });
  return p;
}

/** Every stored version of a project, newest first: its current row, then the states it replaced. */
export async function projectHistory(db: AppDb, id: string): Promise<{ libraryVersion: number; changed: string[]; project: Project }[]> {
  const current = await db.read.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND', { path: 'id', params: { what: id } });
  const rows = await db.read
    .selectFrom('projectVersion')
    .select(['libraryVersion', 'changed', 'data'])
    .where('projectId', '=', id)
    .where('libraryVersion', '<', current.libraryVersion)
    .orderBy('libraryVersion', 'desc')
    .execute();
  return [
    { libraryVersion: current.libraryVersion, changed: JSON.parse(current.changed) as string[], project: rowToProject(current) },
    ...rows.map((r) => ({ libraryVersion: r.libraryVersion, changed: JSON.parse(r.changed) as string[], project: JSON.parse(r.data) as Project })),
  ];
}

export { getLibraryInfo };
