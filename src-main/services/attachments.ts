/**
 * Evidence files of a loan (invoices, contracts, site photos, meter readings): copied from a staged upload into
 * <dataDir>/attachments/<sha256>.<ext>, named by their content, never by the user; type checked by extension AND
 * by the file's first bytes; size-limited; served back only as data, never opened or executed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, readFileSync, renameSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import type { AppDb } from '../db/open.js';
import type { SessionUser } from './sessions.js';
import { recordChanged } from './sync/records.js';
import type { StagedFile } from './staging.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_KINDS = ['invoice', 'contract', 'site_photo', 'meter_reading', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Allowed types: extension → MIME and the magic bytes the file must start with. OFD is China's e-invoice format (a zip). */
const TYPES: Record<string, { mime: string; magic: number[][] }> = {
  '.pdf': { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  '.jpg': { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  '.jpeg': { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  '.png': { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  '.ofd': { mime: 'application/ofd', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  '.xlsx': { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
};

/** A display name must be a plain file name: no folders, no "..", no control characters. */
export function attachmentNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'ATTACHMENT_BAD_NAME';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[/\\:*?"<>|\u0000-\u001f]/.test(name) || name === '.' || name.includes('..')) return 'ATTACHMENT_BAD_NAME';
  return null;
}

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

export interface StoredAttachment {
  id: number;
  kind: AttachmentKind;
  fileName: string;
  size: number;
  sha256: string;
  mime: string;
}

export function addAttachment(
  db: AppDb, dataDir: string, user: SessionUser,
  a: { loanId: string; paymentRef?: string | undefined; kind: AttachmentKind; file: StagedFile },
  now = new Date(),
): StoredAttachment {
  const nameProblem = attachmentNameProblem(a.file.name);
  if (nameProblem) throw new AppError(nameProblem, { path: 'fileName', params: { value: a.file.name.slice(0, 60) } });
  const ext = extname(a.file.name).toLowerCase();
  const type = TYPES[ext];
  if (!type) throw new AppError('ATTACHMENT_TYPE', { path: 'fileName', params: { ext: ext || '(none)' } });
  const size = statSync(a.file.path).size;
  if (size === 0) throw new AppError('FILE_EMPTY', { path: 'fileName' });
  if (size > MAX_ATTACHMENT_BYTES) throw new AppError('FILE_TOO_LARGE', { path: 'fileName', params: { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 } });
  const first = head(a.file.path, 16);
  if (!type.magic.some((m) => m.every((b, i) => first[i] === b))) throw new AppError('ATTACHMENT_CONTENT', { path: 'fileName', params: { ext } });
  if (!db.rawRead.prepare('SELECT 1 FROM loan WHERE id = ?').get(a.loanId)) throw new AppError('NOT_FOUND', { path: 'loanId', params: { what: a.loanId } });
  const sha256 = createHash('sha256').update(readFileSync(a.file.path)).digest('hex');
  const dir = join(dataDir, 'attachments');
  mkdirSync(dir, { recursive: true });
  const storedName = `${sha256}${ext}`;
  const target = join(dir, storedName);
  if (!existsSync(target)) {
    // Copy aside, then rename into place: a crash never leaves a half-written file under the final name.
    copyFileSync(a.file.path, `${target}.part`);
    renameSync(`${target}.part`, target);
  }
  const id = db.rawWrite
    .transaction(() => {
      const existing = db.rawWrite.prepare('SELECT id FROM attachment WHERE stored_name = ?').pluck().get(`${a.loanId}:${storedName}`) as number | undefined;
      if (existing !== undefined) return existing;
      const inserted = Number(
        db.rawWrite
          .prepare('INSERT INTO attachment (loan_id, payment_ref, kind, file_name, stored_name, size, sha256, mime, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(a.loanId, a.paymentRef ?? null, a.kind, a.file.name, `${a.loanId}:${storedName}`, size, sha256, type.mime, user.id, now.toISOString()).lastInsertRowid,
      );
      recordChanged(db.rawWrite, 'loan', a.loanId, now);
      return inserted;
    })
    .immediate();
  return { id, kind: a.kind, fileName: a.file.name, size, sha256, mime: type.mime };
}

/** An attachment's bytes for the viewer, checked against its recorded hash. */
export function readAttachment(db: AppDb, dataDir: string, id: number): StoredAttachment & { content: Buffer } {
  const row = db.rawRead.prepare('SELECT id, kind, file_name, stored_name, size, sha256, mime FROM attachment WHERE id = ?').get(id) as
    | { id: number; kind: AttachmentKind; file_name: string; stored_name: string; size: number; sha256: string; mime: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', { path: 'id', params: { what: String(id) } });
  const file = join(dataDir, 'attachments', `${row.sha256}${extname(row.file_name).toLowerCase()}`);
  const content = readFileSync(file);
  if (createHash('sha256').update(content).digest('hex') !== row.sha256) throw new AppError('ATTACHMENT_TAMPERED', { path: 'id' });
  return { id: row.id, kind: row.kind, fileName: row.file_name, size: row.size, sha256: row.sha256, mime: row.mime, content };
}
