// Attachments: type by extension and content, size limit, names that try to leave the data folder, hashing.
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/open.js';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from '../../src-main/services/attachments.js';
import { saveCheck } from '../../src-main/services/checks.js';
import { Staging } from '../../src-main/services/staging.js';
import { SYSTEM_USER } from '../../src-main/services/users.js';
import { uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 32)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function setup() {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'a.db'));
  saveCheck(db, SYSTEM_USER, {
    asOf: '2026-11-22',
    loan: { id: 'L-1', borrowerUscc: uscc(1), amountYuan: 1_000_000, disbursedYuan: 0, agreedPurposes: ['equipment'] },
    librarySyncedAt: '2026-11-01',
  });
  const staging = new Staging(dir);
  const stage = async (name: string, content: Buffer) => {
    const id = staging.begin(name, content.length);
    staging.chunk(id, 0, content);
    await staging.end(id);
    return staging.get(id);
  };
  return { dir, db, stage };
}

describe('attachments', () => {
  it('are stored under their hash, deduplicated, and read back verified', async () => {
    const { dir, db, stage } = await setup();
    const a = addAttachment(db, dir, SYSTEM_USER, { loanId: 'L-1', kind: 'invoice', file: await stage('发票 44001234.pdf', PDF) });
    expect(a).toMatchObject({ kind: 'invoice', fileName: '发票 44001234.pdf', mime: 'application/pdf', size: PDF.length });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = addAttachment(db, dir, SYSTEM_USER, { loanId: 'L-1', kind: 'invoice', file: await stage('发票 44001234.pdf', PDF) });
    expect(again.id).toBe(a.id);
    expect(readdirSync(join(dir, 'attachments'))).toEqual([`${a.sha256}.pdf`]);
    expect(readAttachment(db, dir, a.id).content.equals(PDF)).toBe(true);
    writeFileSync(join(dir, 'attachments', `${a.sha256}.pdf`), Buffer.concat([PDF, Buffer.from('x')]));
    expect(() => readAttachment(db, dir, a.id)).toThrow(expect.objectContaining({ code: 'ATTACHMENT_TAMPERED' }));
    await db.close();
  });

  it.each([
    ['a wrong type', 'run.exe', PDF, 'ATTACHMENT_TYPE'],
    ['a script', 'photo.js', PDF, 'ATTACHMENT_TYPE'],
    ['content that is not what the extension says', 'photo.png', PDF, 'ATTACHMENT_CONTENT'],
    ['an executable renamed to .pdf', 'invoice.pdf', Buffer.from('MZ\x90\x00 this is a program'), 'ATTACHMENT_CONTENT'],
    ['a name that climbs out of the folder', '../../etc/passwd.pdf', PDF, 'ATTACHMENT_BAD_NAME'],
    ['a name with a folder', 'sub\\invoice.pdf', PDF, 'ATTACHMENT_BAD_NAME'],
    ['an empty file', 'empty.png', Buffer.alloc(0), 'FILE_EMPTY'],
  ])('refuse %s', async (_n, name, content, code) => {
    const { dir, db, stage } = await setup();
    const staged = await stage(name.replace(/[/\\]/g, '_'), content);
    const file = { ...staged, name };
    expect(() => addAttachment(db, dir, SYSTEM_USER, { loanId: 'L-1', kind: 'other', file })).toThrow(expect.objectContaining({ code }));
    expect(db.rawRead.prepare('SELECT count(*) FROM attachment').pluck().get()).toBe(0);
    await db.close();
  });

  it('refuse a file over the size limit', async () => {
    const { dir, db, stage } = await setup();
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES, 0)]);
    expect(() => addAttachment(db, dir, SYSTEM_USER, { loanId: 'L-1', kind: 'site_photo', file: { id: 'x', name: 'site.png', size: big.length, path: '' } })).toThrow();
    const staged = await stage('site.png', big);
    expect(() => addAttachment(db, dir, SYSTEM_USER, { loanId: 'L-1', kind: 'site_photo', file: staged })).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
    await db.close();
  });
});
