/**
 * `greendesk hub import FILE`: a device's offline outbox file (greendesk.outbox.v1), verified with the public key
 * the device enrolled with, then applied exactly as a push — the same sequence numbers, so whatever the device
 * later pushes online is recognised as a replay.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { Lang } from '../../shared/i18n/errors.js';
import { outboxFileSchema, outboxFileSigningText } from '../../shared/sync/outbox-file.js';
import type { PushResponse } from '../../shared/sync/protocol.js';
import { keyIdOf, verifyText } from '../../src-node/signing.js';
import type { HubDatabase } from '../db/schema.js';
import { deviceById } from './devices.js';
import { applyEntries } from './push.js';

export async function importOutboxDocument(db: Kysely<HubDatabase>, doc: unknown, o: { lang?: Lang; now?: Date } = {}): Promise<PushResponse & { entries: number }> {
  const parsed = outboxFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new AppError('OUTBOX_FILE_INVALID', { path, params: { detail: `${path}: ${issue?.message ?? ''}`.slice(0, 200) } });
  }
  const file = parsed.data;
  const device = await deviceById(db, file.deviceId);
  if (!device) throw new AppError('UNKNOWN_DEVICE', { path: 'deviceId', params: { value: file.deviceId } });
  if (keyIdOf(device.publicKey) !== file.keyId || !verifyText(device.publicKey, outboxFileSigningText(file), file.signature)) {
    throw new AppError('SIGNATURE_INVALID', { path: 'signature' });
  }
  if (file.entries.length === 0) return { deviceId: device.id, lastSeq: device.lastSeq, results: [], gap: null, entries: 0 };
  const response = await applyEntries(db, device, file.entries, { via: 'file', ...o });
  return { ...response, entries: file.entries.length };
}
