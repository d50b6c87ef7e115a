/**
 * Applying a device's outbox entries, each sequence number exactly once. One transaction per request: the
 * device's row is locked first (a write: SQLite's lock, PostgreSQL's row lock), so two hub processes receiving
 * the same device's push at once apply it one after the other. For each entry, in order:
 *   seq ≤ last applied  → a replay: the stored outcome is returned (the same hash), or `conflict` (other content);
 *   seq = last + 1      → verified and applied, or rejected with its reason (the number is used up either way);
 *   seq > last + 1      → a gap: nothing from here on is applied, and the answer says which number comes next.
 * The hub's own arrival order (hub_seq) and clock are what it records; a device's clock is only displayed.
 */
import type { Kysely } from 'kysely';
import { AppError, toEnvelope } from '../../shared/errors.js';
import type { Lang } from '../../shared/i18n/errors.js';
import type { EntryResult, PushResponse } from '../../shared/sync/protocol.js';
import { entryHashInput, type OutboxEntry } from '../../shared/sync/records.js';
import { sha256Hex } from '../../src-node/signing.js';
import type { HubDatabase } from '../db/schema.js';
import type { DeviceRow } from './devices.js';
import { verifyRecord } from './verify.js';

export const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

export async function applyEntries(
  db: Kysely<HubDatabase>,
  device: DeviceRow,
  entries: readonly OutboxEntry[],
  o: { via: 'push' | 'file'; lang?: Lang; now?: Date } = { via: 'push' },
): Promise<PushResponse> {
  const lang = o.lang ?? 'zh-CN';
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  return db.transaction().execute(async (trx) => {
    const at = (o.now ?? new Date()).toISOString();
    await trx.updateTable('hubDevice').set({ lastSeenAt: at }).where('id', '=', device.id).execute();
    const row = await trx.selectFrom('hubDevice').select('lastSeq').where('id', '=', device.id).executeTakeFirstOrThrow();
    let last = row.lastSeq;
    const results: EntryResult[] = [];
    let gap: PushResponse['gap'] = null;
    for (const e of sorted) {
      const hash = sha256Hex(entryHashInput(e));
      if (e.seq <= last) {
        const stored = await trx.selectFrom('hubPush').select(['hash', 'status', 'code', 'message', 'path', 'hubSeq']).where('deviceId', '=', device.id).where('seq', '=', e.seq).executeTakeFirst();
        if (!stored || stored.hash !== hash) results.push({ seq: e.seq, status: 'conflict', replay: true, hubSeq: stored?.hubSeq ?? null });
        else {
          results.push({
            seq: e.seq, status: stored.status as 'applied' | 'rejected', replay: true, hubSeq: stored.hubSeq,
            ...(stored.code ? { code: stored.code } : {}), ...(stored.message ? { message: stored.message } : {}), ...(stored.path ? { path: stored.path } : {}),
          });
        }
        continue;
      }
      if (e.seq !== last + 1) {
        gap = { expected: last + 1 };
        break;
      }
      let outcome: { status: 'applied'; verified: boolean; state: unknown } | { status: 'rejected'; code: string; message: string; path: string | null };
      try {
        if (hash !== e.hash) throw new AppError('ENTRY_INVALID', { path: 'hash', params: { detail: 'hash' } });
        const size = Buffer.byteLength(JSON.stringify(e.payload));
        if (size > MAX_ENTRY_BYTES) throw new AppError('ENTRY_TOO_LARGE', { params: { max: MAX_ENTRY_BYTES / 1024 / 1024 } });
        const v = await verifyRecord(trx, e.kind, e.entityId, e.payload);
        outcome = { status: 'applied', verified: v.verified, state: v.state };
      } catch (err) {
        const env = toEnvelope(err, lang);
        if (!(err instanceof AppError)) throw err;
        outcome = { status: 'rejected', code: env.code, message: env.message, path: env.path ?? null };
      }
      const pushed = await trx
        .insertInto('hubPush')
        .values({
          deviceId: device.id, seq: e.seq, hash, kind: e.kind, entityId: e.entityId, status: outcome.status,
          code: outcome.status === 'rejected' ? outcome.code : null, message: outcome.status === 'rejected' ? outcome.message : null,
          path: outcome.status === 'rejected' ? outcome.path : null, payload: JSON.stringify(e.payload), deviceCreatedAt: e.createdAt, receivedAt: at, via: o.via,
        })
        .returning('hubSeq')
        .executeTakeFirstOrThrow();
      if (outcome.status === 'applied') {
        const state = JSON.stringify(outcome.state);
        await trx
          .insertInto('hubRecord')
          .values({ deviceId: device.id, kind: e.kind, entityId: e.entityId, bank: device.bank, branchId: device.branchId, state, deviceSeq: e.seq, hubSeq: pushed.hubSeq, verified: outcome.verified ? 1 : 0, updatedAt: at })
          .onConflict((oc) =>
            oc.columns(['deviceId', 'kind', 'entityId']).doUpdateSet({ state, deviceSeq: e.seq, hubSeq: pushed.hubSeq, verified: outcome.verified ? 1 : 0, updatedAt: at, bank: device.bank, branchId: device.branchId }),
          )
          .execute();
        results.push({ seq: e.seq, status: 'applied', replay: false, hubSeq: pushed.hubSeq });
      } else {
        results.push({ seq: e.seq, status: 'rejected', replay: false, hubSeq: pushed.hubSeq, code: outcome.code, message: outcome.message, ...(outcome.path ? { path: outcome.path } : {}) });
      }
      last = e.seq;
    }
    await trx.updateTable('hubDevice').set({ lastSeq: last }).where('id', '=', device.id).execute();
    return { deviceId: device.id, lastSeq: last, results, gap };
  });
}
