/**
 * Reading a city library snapshot file (.json, .csv, .xlsx, PRODUCT.md) and validating every row, for whatever
 * applies it: the app's local import (src-main) and the hub's publish (src-hub). One reader, one validation.
 */
import type { RowErrorView } from '../../shared/contract/methods/library.js';
import type { Project } from '../../shared/domain/project.js';
import { validateProjectRow, type RowError } from '../../shared/domain/project-validate.js';
import { SHEET_COLUMNS } from '../../shared/domain/library-sheet.js';
import { errorMessage, type Lang } from '../../shared/i18n/errors.js';
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

export interface ReadProgress {
  phase: string;
  done: number;
  total: number;
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
export async function readLibraryFile(path: string, fileName: string, onProgress?: (p: ReadProgress) => void): Promise<ValidatedSnapshot> {
  return validateSource(await openSource(path, fileName), onProgress);
}

/** Validates a parsed snapshot document (the demo generator's) exactly as a file. */
export function validateSnapshotDocument(doc: unknown, onProgress?: (p: ReadProgress) => void): Promise<ValidatedSnapshot> {
  return validateSource(jsonSnapshotSource(doc), onProgress);
}

/** Validates every row of a source. Yields to the event loop every 2,000 rows and reports progress. */
async function validateSource(src: SnapshotSource, onProgress?: (p: ReadProgress) => void): Promise<ValidatedSnapshot> {
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
