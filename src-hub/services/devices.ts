/**
 * Branches, one-time enrolment codes and devices. A code is shown once and stored only as its SHA-256; so is a
 * device token. A device proves it holds the Ed25519 key it enrols with (it signs the code), so a device whose
 * enrolment answer was lost can retry with the same code — and nobody else can, even knowing the code.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { enrollProofText, type DeviceInfo, type EnrollRequest, type EnrollResponse } from '../../shared/sync/protocol.js';
import { sha256Hex, verifyText } from '../../src-node/signing.js';
import type { HubDatabase } from '../db/schema.js';
import { hubId } from './meta.js';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U
export const DEFAULT_CODE_DAYS = 7;

/** Upper case, without spaces or hyphens, O→0 and I/L→1 as Crockford reads them. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function newCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export interface Enrollment {
  code: string;
  bank: string;
  branch: string;
  expiresAt: string;
}

async function branchId(db: Kysely<HubDatabase>, bank: string, name: string, now: Date): Promise<number> {
  const found = await db.selectFrom('hubBranch').select('id').where('bank', '=', bank).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  await db.insertInto('hubBranch').values({ bank, name, createdAt: now.toISOString() }).onConflict((oc) => oc.columns(['bank', 'name']).doNothing()).execute();
  const row = await db.selectFrom('hubBranch').select('id').where('bank', '=', bank).where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

const NAME_OK = (s: string) => s.trim().length >= 1 && s.trim().length <= 100;

/** A new one-time code for a device of this branch (16 characters of Crockford base32, 80 bits). */
export async function createEnrollment(db: Kysely<HubDatabase>, o: { bank: string; branch: string; days?: number }, now = new Date()): Promise<Enrollment> {
  if (!NAME_OK(o.branch)) throw new AppError('BAD_BRANCH', { path: '--branch', params: { value: o.branch.slice(0, 40) } });
  if (!NAME_OK(o.bank)) throw new AppError('BAD_BRANCH', { path: '--bank', params: { value: o.bank.slice(0, 40) } });
  const bank = o.bank.trim();
  const branch = o.branch.trim();
  const id = await branchId(db, bank, branch, now);
  const code = newCode();
  const expiresAt = new Date(now.getTime() + (o.days ?? DEFAULT_CODE_DAYS) * 86_400_000).toISOString();
  await db.insertInto('hubEnrollment').values({ codeHash: sha256Hex(normalizeCode(code)), branchId: id, createdAt: now.toISOString(), expiresAt, usedBy: null, usedAt: null }).execute();
  return { code, bank, branch, expiresAt };
}

export interface DeviceRow {
  id: string;
  name: string;
  bank: string;
  branch: string;
  branchId: number;
  publicKey: string;
  lastSeq: number;
}

const deviceColumns = ['d.id', 'd.name', 'b.bank', 'b.name as branch', 'd.branchId', 'd.publicKey', 'd.lastSeq'] as const;

export async function deviceInfo(db: Kysely<HubDatabase>, d: DeviceRow): Promise<DeviceInfo> {
  return { hubId: await hubId(db), deviceId: d.id, deviceName: d.name, bank: d.bank, branch: d.branch, lastSeq: d.lastSeq };
}

/** Enrols (or re-enrols, with the same key) a device with a one-time code; returns its new token. */
export async function enrollDevice(db: Kysely<HubDatabase>, req: EnrollRequest, now = new Date()): Promise<EnrollResponse> {
  if (!verifyText(req.publicKey, enrollProofText(req), req.signature)) throw new AppError('ENROLL_PROOF_INVALID', { path: 'signature' });
  const codeHash = sha256Hex(normalizeCode(req.code));
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const device = await db.transaction().execute(async (trx) => {
    // The write first: on SQLite it takes the lock for the whole transaction, on PostgreSQL it locks the code's row.
    await trx.updateTable('hubEnrollment').set({ codeHash }).where('codeHash', '=', codeHash).execute();
    const enrollment = await trx.selectFrom('hubEnrollment').selectAll().where('codeHash', '=', codeHash).executeTakeFirst();
    if (!enrollment) throw new AppError('ENROLL_CODE_INVALID', { path: 'code' });
    const existing = await trx.selectFrom('hubDevice').select(['id', 'publicKey']).where('id', '=', req.deviceId).executeTakeFirst();
    if (existing && existing.publicKey !== req.publicKey) throw new AppError('DEVICE_ID_TAKEN', { path: 'deviceId' });
    if (enrollment.usedBy !== null && enrollment.usedBy !== req.deviceId) throw new AppError('ENROLL_CODE_USED', { path: 'code' });
    if (enrollment.usedBy === null && enrollment.expiresAt < at) throw new AppError('ENROLL_CODE_EXPIRED', { path: 'code' });
    if (enrollment.usedBy === null) {
      await trx.updateTable('hubEnrollment').set({ usedBy: req.deviceId, usedAt: at }).where('codeHash', '=', codeHash).execute();
    }
    if (existing) {
      // A retry (the answer was lost) or a move to another branch: a new token, the sequence numbers carry on.
      await trx.updateTable('hubDevice').set({ tokenHash: sha256Hex(token), branchId: enrollment.branchId, name: req.deviceName, revoked: 0 }).where('id', '=', req.deviceId).execute();
    } else {
      await trx
        .insertInto('hubDevice')
        .values({ id: req.deviceId, branchId: enrollment.branchId, name: req.deviceName, publicKey: req.publicKey, tokenHash: sha256Hex(token), enrolledAt: at, lastSeq: 0, lastSeenAt: null, revoked: 0 })
        .execute();
    }
    return trx.selectFrom('hubDevice as d').innerJoin('hubBranch as b', 'b.id', 'd.branchId').select(deviceColumns).where('d.id', '=', req.deviceId).executeTakeFirstOrThrow();
  });
  return { ...(await deviceInfo(db, device)), token };
}

/** The device a bearer token belongs to, or null (unknown or revoked). */
export async function deviceByToken(db: Kysely<HubDatabase>, token: string): Promise<DeviceRow | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db
    .selectFrom('hubDevice as d')
    .innerJoin('hubBranch as b', 'b.id', 'd.branchId')
    .select(deviceColumns)
    .where('d.tokenHash', '=', sha256Hex(token))
    .where('d.revoked', '=', 0)
    .executeTakeFirst();
  return row ?? null;
}

export async function deviceById(db: Kysely<HubDatabase>, id: string): Promise<DeviceRow | null> {
  const row = await db.selectFrom('hubDevice as d').innerJoin('hubBranch as b', 'b.id', 'd.branchId').select(deviceColumns).where('d.id', '=', id).executeTakeFirst();
  return row ?? null;
}
