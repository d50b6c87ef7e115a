/** `greendesk.library.v1` JSON: money in yuan (numbers), one project object per entry of `projects`. */
import { yuanToFen } from '../../shared/domain/money.js';
import type { MoneyParser } from '../../shared/domain/project-validate.js';
import { SNAPSHOT_FORMAT } from '../../shared/domain/snapshot.js';
import { AppError } from '../../shared/errors.js';
import { scanJsonSnapshot } from './json-stream.js';
import { checkMeta, type RawRow, type SnapshotSource } from './source.js';

/** Deeper nesting than this is refused before parsing (a snapshot needs 4 levels). */
export const MAX_JSON_DEPTH = 16;

export const yuanMoney: MoneyParser = (v) => {
  if (v === undefined || v === null || v === '') return 'missing';
  if (typeof v !== 'number') return null;
  return yuanToFen(v);
};

/** Opens a snapshot file as a stream of project rows (see json-stream.ts); the metadata is checked as it arrives. */
export async function openJsonSnapshot(path: string): Promise<SnapshotSource> {
  const checkFormat = (fields: Record<string, unknown>) => {
    if (fields.format !== SNAPSHOT_FORMAT) {
      throw new AppError('BAD_FORMAT', { path: 'format', params: { found: String(fields.format ?? '(none)').slice(0, 40) } });
    }
  };
  const scan = scanJsonSnapshot(path, MAX_JSON_DEPTH, (before) => {
    if ('format' in before) checkFormat(before);
  });
  async function* rows(): AsyncGenerator<RawRow> {
    let row = 0;
    for await (const p of scan.elements) {
      row++;
      yield { row, raw: p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : { __notObject: p } };
    }
  }
  return {
    format: 'json',
    money: yuanMoney,
    rows: rows(),
    // Read once the rows are exhausted: by then every top-level field has been seen.
    get meta() {
      checkFormat(scan.fields);
      const meta = checkMeta(scan.fields.version, scan.fields.issuedAt, scan.fields.issuer, { version: 'version', issuedAt: 'issuedAt' });
      if (!scan.sawProjects() || 'projects' in scan.fields) throw new AppError('MISSING_FIELD', { path: 'projects', params: { field: 'projects' } });
      return meta;
    },
  };
}

/** A parsed snapshot document (from a file, the hub or the demo generator) as rows to validate. */
export function jsonSnapshotSource(doc: unknown): SnapshotSource {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new AppError('BAD_FORMAT', { path: 'format', params: { found: Array.isArray(doc) ? 'array' : typeof doc } });
  const d = doc as Record<string, unknown>;
  if (d.format !== SNAPSHOT_FORMAT) {
    throw new AppError('BAD_FORMAT', { path: 'format', params: { found: String(d.format ?? '(none)').slice(0, 40) } });
  }
  const meta = checkMeta(d.version, d.issuedAt, d.issuer, { version: 'version', issuedAt: 'issuedAt' });
  if (!Array.isArray(d.projects)) throw new AppError('MISSING_FIELD', { path: 'projects', params: { field: 'projects' } });
  const projects = d.projects as unknown[];
  async function* rows(): AsyncGenerator<RawRow> {
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i];
      yield { row: i + 1, raw: p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : { __notObject: p } };
    }
  }
  return { format: 'json', meta, money: yuanMoney, rows: rows() };
}
