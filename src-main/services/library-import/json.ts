/** `greendesk.library.v1` JSON: money in yuan (numbers), one project object per entry of `projects`. */
import { readFile } from 'node:fs/promises';
import { yuanToFen } from '../../../shared/domain/money.js';
import type { MoneyParser } from '../../../shared/domain/project-validate.js';
import { SNAPSHOT_FORMAT } from '../../../shared/domain/snapshot.js';
import { AppError } from '../../../shared/errors.js';
import { checkMeta, type RawRow, type SnapshotSource } from './source.js';

/** Deeper nesting than this is refused before parsing (a snapshot needs 4 levels). */
export const MAX_JSON_DEPTH = 16;

/** Nesting depth of a JSON text, counted outside strings, stopping once `limit` is passed. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export const yuanMoney: MoneyParser = (v) => {
  if (v === undefined || v === null || v === '') return 'missing';
  if (typeof v !== 'number') return null;
  return yuanToFen(v);
};

export async function openJsonSnapshot(path: string): Promise<SnapshotSource> {
  const buf = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError('BAD_ENCODING', { params: { encoding: 'UTF-8' } });
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new AppError('FILE_EMPTY');
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new AppError('JSON_TOO_DEEP', { params: { max: MAX_JSON_DEPTH } });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // A parse error at the very end of the text means the file stops early (a cut download or copy).
    const at = /at position (\d+)/.exec(msg);
    const atEnd = /end of JSON input/.test(msg) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    const code = atEnd && /^\s*[{[]/.test(text) ? 'FILE_TRUNCATED' : 'NOT_JSON';
    throw new AppError(code, { params: { detail: msg.slice(0, 120) } });
  }
  return jsonSnapshotSource(doc);
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
