import type { ProjectSummary, Project, LibraryInfo } from '../../../shared/domain/project.js';
import type { ReadDb } from '../open.js';
import type { ProjectTable } from '../schema.js';

export interface ProjectFilter {
  library?: string | undefined;
  district?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
}

function filtered(db: ReadDb, f: ProjectFilter) {
  let q = db.selectFrom('project');
  if (f.library) q = q.where('library', '=', f.library);
  if (f.district) q = q.where('district', '=', f.district);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status);
  return q;
}

export async function countProjects(db: ReadDb, f: ProjectFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of projects, newest update first, then by id (stable paging). */
export async function listProjects(db: ReadDb, f: ProjectFilter, offset: number, limit: number): Promise<ProjectSummary[]> {
  const rows = await filtered(db, f)
    .select([
      'id', 'library', 'name', 'ownerName', 'ownerUscc', 'district', 'industryCode', 'category', 'status',
      'financingNeedFen', 'updatedAt',
    ])
    .orderBy('updatedAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows as ProjectSummary[];
}

export function rowToProject(r: Omit<ProjectTable, 'changed'>): Project {
  return {
    id: r.id,
    library: r.library as Project['library'],
    name: r.name,
    ownerName: r.ownerName,
    ownerUscc: r.ownerUscc,
    district: r.district as Project['district'],
    industryCode: r.industryCode,
    category: r.category as Project['category'],
    totalInvestmentFen: r.totalInvestmentFen,
    financingNeedFen: r.financingNeedFen,
    expectedBenefits: {
      carbonReductionT: r.carbonReductionT,
      energySavedTce: r.energySavedTce,
      wasteUtilizedT: r.wasteUtilizedT,
      hazardousDisposedT: r.hazardousDisposedT,
    },
    sourceDept: r.sourceDept,
    status: r.status as Project['status'],
    listedAt: r.listedAt,
    updatedAt: r.updatedAt,
    libraryVersion: r.libraryVersion,
  };
}

export async function getProject(db: ReadDb, id: string): Promise<Project | undefined> {
  const row = await db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToProject(row) : undefined;
}

export async function getLibraryInfo(db: ReadDb): Promise<LibraryInfo | null> {
  const state = await db.selectFrom('libraryState').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!state) return null;
  const projectCount = await countProjects(db, {});
  return {
    version: state.version,
    issuer: state.issuer,
    issuedAt: state.issuedAt,
    syncedAt: state.syncedAt,
    source: state.source as LibraryInfo['source'],
    projectCount,
  };
}
