/**
 * Importing a library snapshot file (.json, .csv, .xlsx): open → validate every row → apply in one transaction.
 * Without skipInvalid, a file with any bad row changes nothing (INVALID_ROWS lists them all); with it, the good
 * rows go in and the bad ones are reported — and a project whose row was bad is left as it was, not withdrawn.
 */
import type { ImportResult } from '../../../shared/contract/methods/library.js';
import type { Project, ProjectSummary } from '../../../shared/domain/project.js';
import { AppError } from '../../../shared/errors.js';
import type { Lang } from '../../../shared/i18n/errors.js';
import { readLibraryFile, rowErrorViews, validateSnapshotDocument, type ValidatedSnapshot } from '../../../src-node/library-files/read.js';
import type { AppDb } from '../../db/open.js';
import { applySnapshotAsync } from '../../db/mutations/library.js';
import type { JobReporter } from '../jobs.js';

export { readLibraryFile };

function localVersion(db: AppDb): number | null {
  const row = db.rawRead.prepare('SELECT version FROM library_state WHERE id = 1').get() as { version: number } | undefined;
  return row ? row.version : null;
}

function summary(p: Project): ProjectSummary {
  return {
    id: p.id, library: p.library, name: p.name, ownerName: p.ownerName, ownerUscc: p.ownerUscc, district: p.district,
    industryCode: p.industryCode, category: p.category, status: p.status, financingNeedFen: p.financingNeedFen, updatedAt: p.updatedAt,
  };
}

const PREVIEW_REJECTED = 1000;

export async function previewLibraryImport(db: AppDb, path: string, fileName: string, lang: Lang) {
  const v = await readLibraryFile(path, fileName);
  return {
    fileName,
    format: v.format,
    version: v.meta.version,
    issuer: v.meta.issuer,
    issuedAt: v.meta.issuedAt,
    localVersion: localVersion(db),
    totalRows: v.totalRows,
    validRows: v.projects.length,
    sample: v.projects.slice(0, 20).map(summary),
    rejected: rowErrorViews(v.rejected.slice(0, PREVIEW_REJECTED), v.format, lang),
    rejectedTotal: v.rejected.length,
  };
}

export interface RunImportOptions {
  fileName?: string;
  skipInvalid?: boolean;
  lang?: Lang;
  onProgress?: JobReporter;
  source?: 'import' | 'hub' | 'demo';
  now?: Date;
}

export async function runLibraryImport(db: AppDb, path: string, opts: RunImportOptions = {}): Promise<ImportResult> {
  opts.onProgress?.({ phase: 'read', done: 0, total: 0 });
  return applyValidated(db, await readLibraryFile(path, opts.fileName ?? path, opts.onProgress), opts);
}

/** Imports a parsed snapshot document (the demo generator's, the hub's) through the same validation as a file. */
export async function importSnapshotDocument(db: AppDb, doc: unknown, opts: RunImportOptions = {}): Promise<ImportResult> {
  return applyValidated(db, await validateSnapshotDocument(doc, opts.onProgress), opts);
}

async function applyValidated(db: AppDb, v: ValidatedSnapshot, opts: RunImportOptions): Promise<ImportResult> {
  const lang = opts.lang ?? 'zh-CN';
  const local = localVersion(db);
  if (local !== null && v.meta.version < local) {
    throw new AppError('SNAPSHOT_OLDER', { path: 'version', params: { found: v.meta.version, local } });
  }
  const rejected = rowErrorViews(v.rejected, v.format, lang);
  if (rejected.length > 0 && !opts.skipInvalid) {
    throw new AppError('INVALID_ROWS', { params: { count: v.rejected.length }, details: (l: Lang) => ({ rejected: rowErrorViews(v.rejected, v.format, l) }) });
  }
  const total = v.projects.length;
  opts.onProgress?.({ phase: 'write', done: 0, total });
  const counts = await applySnapshotAsync(
    db.rawWrite,
    { ...v.meta, source: opts.source ?? 'import', syncedAt: (opts.now ?? new Date()).toISOString() },
    v.projects,
    { retain: v.rejectedIds, onProgress: (done) => opts.onProgress?.({ phase: 'write', done, total }) },
  );
  opts.onProgress?.({ phase: 'done', done: total, total });
  return { ...counts, rejected };
}
