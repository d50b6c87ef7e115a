/**
 * Importing a library snapshot file (.json, .csv, .xlsx): open → validate every row → apply in one transaction.
 * Without skipInvalid, a file with any bad row changes nothing (INVALID_ROWS lists them all); with it, the good
 * rows go in and the bad ones are reported — and a project whose row was bad is left as it was, not withdrawn.
 */
import type { ImportResult, RowErrorView } from '../../../shared/contract/methods/library.js';
import type { Project, ProjectSummary } from '../../../shared/domain/project.js';
import { validateProjectRow, type RowError } from '../../../shared/domain/project-validate.js';
import { SHEET_COLUMNS } from '../../../shared/domain/library-sheet.js';
import { AppError } from '../../../shared/errors.js';
import { errorMessage, type Lang } from '../../../shared/i18n/errors.js';
import type { AppDb } from '../../db/open.js';
import { applySnapshotAsync } from '../../db/mutations/library.js';
import type { JobReporter } from '../jobs.js';
import { openCsvSnapshot } from './csv.js';
import { jsonSnapshotSource, openJsonSnapshot } from './json.js';
import { detectFormat, type SnapshotFormat, type SnapshotMetaRaw, type SnapshotSource } from './source.js';
import { openXlsxSnapshot } from './xlsx.js';

export interface ValidatedSnapshot {
  format: SnapshotFormat;
  meta: SnapshotMetaRaw;
  projects: Project[];
  rejected: RowError[];
  /** Ids of rows that were rejected: such projects are retained as they are. */
  rejectedIds: Set<string>;
  totalRows: number;
}

const FIELD_LABELS_ZH: Record<string, string> = Object.fromEntries(SHEET_COLUMNS.map(([h, f]) => [f, h]));
Object.assign(FIELD_LABELS_ZH, { id: '项目编号', ownerUscc: '统一社会信用代码' });

function fieldLabel(field: string, format: SnapshotFormat, lang: Lang): string {
  if (lang === 'en' || format === 'json') return field;
  return FIELD_LABELS_ZH[field] ?? field;
}

/** Row errors with their messages, in the caller's language; the field is named as the file names it. */
export function rowErrorViews(errors: readonly RowError[], format: SnapshotFormat, lang: Lang): RowErrorView[] {
  return errors.map((e) => {
    const field = fieldLabel(e.field, format, lang);
    return { row: e.row, field, code: e.code, message: errorMessage(e.code, lang, { field, value: e.value ?? '' }) };
  });
}

async function openSource(path: string, fileName: string): Promise<SnapshotSource> {
  const format = detectFormat(path, fileName);
  if (format === 'json') return openJsonSnapshot(path);
  if (format === 'csv') return openCsvSnapshot(path);
  return openXlsxSnapshot(path);
}

/** Opens and validates a whole file. */
export async function readLibraryFile(path: string, fileName: string, onProgress?: JobReporter): Promise<ValidatedSnapshot> {
  return validateSource(await openSource(path, fileName), onProgress);
}

/** Validates every row of a source. Yields to the event loop every 2,000 rows and reports progress. */
async function validateSource(src: SnapshotSource, onProgress?: JobReporter): Promise<ValidatedSnapshot> {
  const projects: Project[] = [];
  const rejected: RowError[] = [];
  const rejectedIds = new Set<string>();
  const firstRowOf = new Map<string, number>();
  let total = 0;
  for await (const { row, raw } of src.rows) {
    total++;
    if ('__notObject' in raw) {
      rejected.push({ row, field: '', code: 'ROW_NOT_OBJECT' });
      continue;
    }
    const { project, errors } = validateProjectRow(raw, row, src.money);
    const id = typeof raw.id === 'string' ? raw.id.trim() : '';
    if (project) {
      const first = firstRowOf.get(project.id);
      if (first !== undefined) {
        rejected.push({ row, field: 'id', code: 'DUPLICATE_ID', value: `${project.id}（第 ${first} 行 / row ${first}）` });
        continue;
      }
      firstRowOf.set(project.id, row);
      projects.push(project);
    } else {
      rejected.push(...errors);
      if (id) rejectedIds.add(id);
    }
    if (total % 2000 === 0) {
      onProgress?.({ phase: 'validate', done: total, total: 0 });
      await new Promise((r) => setImmediate(r));
    }
  }
  return { format: src.format, meta: src.meta, projects, rejected, rejectedIds, totalRows: total };
}

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
  return applyValidated(db, await validateSource(jsonSnapshotSource(doc), opts.onProgress), opts);
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
