/**
 * A snapshot file opened for import: its format (by extension, checked against its first bytes), its metadata
 * (version, issuer, issue date) and its project rows as raw records with 1-based row numbers. File-level problems
 * are thrown as AppErrors with a stable code; row-level ones are left to validateProjectRow.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { MoneyParser } from '../../shared/domain/project-validate.js';
import { AppError } from '../../shared/errors.js';
import { MAX_STAGED_BYTES } from '../../shared/contract/methods/files.js';

export type SnapshotFormat = 'json' | 'csv' | 'xlsx';

export interface SnapshotMetaRaw {
  version: number;
  issuer: string;
  issuedAt: string;
}

export interface RawRow {
  row: number;
  raw: Record<string, unknown>;
}

export interface SnapshotSource {
  format: SnapshotFormat;
  meta: SnapshotMetaRaw;
  money: MoneyParser;
  rows: AsyncIterable<RawRow>;
}

export const MAX_IMPORT_BYTES = MAX_STAGED_BYTES;

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The format of a file: its extension decides, and its first bytes must agree. */
export function detectFormat(path: string, fileName: string = path): SnapshotFormat {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', { path: fileName, params: { file: fileName } });
  }
  if (size === 0) throw new AppError('FILE_EMPTY', { path: fileName });
  if (size > MAX_IMPORT_BYTES) throw new AppError('FILE_TOO_LARGE', { path: fileName, params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } });
  const ext = extname(fileName).toLowerCase();
  const first = head(path, 8);
  const isZip = first.length >= 4 && first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04;
  if (ext === '.xlsx') {
    if (!isZip) throw new AppError('XLSX_BROKEN', { path: fileName });
    return 'xlsx';
  }
  if (isZip || first.includes(0)) throw new AppError('UNSUPPORTED_FILE_TYPE', { path: fileName, params: { ext: ext || '(none)' } });
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new AppError('UNSUPPORTED_FILE_TYPE', { path: fileName, params: { ext: ext || '(none)' } });
}

/** Snapshot metadata from loose values (JSON fields or the 版本号/发布日期 cells), validated. */
export function checkMeta(version: unknown, issuedAt: unknown, issuer: unknown, where: { version: string; issuedAt: string }): SnapshotMetaRaw {
  if (version === undefined || version === null || version === '') throw new AppError('MISSING_FIELD', { path: where.version, params: { field: where.version } });
  const v = typeof version === 'number' ? version : typeof version === 'string' && /^\s*\d+\s*$/.test(version) ? Number(version) : NaN;
  if (!Number.isSafeInteger(v) || v < 0) throw new AppError('BAD_VERSION', { path: where.version, params: { value: String(version).slice(0, 40) } });
  if (issuedAt === undefined || issuedAt === null || issuedAt === '') throw new AppError('MISSING_FIELD', { path: where.issuedAt, params: { field: where.issuedAt } });
  const d = String(issuedAt).trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(d) || Number.isNaN(Date.parse(d.slice(0, 10)))) {
    throw new AppError('BAD_DATE', { path: where.issuedAt, params: { field: where.issuedAt, value: d.slice(0, 40) } });
  }
  const iss = issuer === undefined || issuer === null ? '' : String(issuer).trim();
  if (iss.length > 200) throw new AppError('TOO_LONG', { path: 'issuer', params: { field: 'issuer', value: `${iss.length} > 200` } });
  return { version: v, issuedAt: d, issuer: iss || '江门市金融工作局' };
}
