/**
 * Pushing the outbox: pending entries in sequence order, in batches; the hub's answer for each entry is recorded
 * in one local transaction — sent (with the hub's own sequence), or rejected with its reason (shown to the officer,
 * and never blocking the entries behind it). What the network does is handled by the protocol:
 *   - a lost or cut answer: the entries stay pending and are sent again; the hub recognises them (replay);
 *   - a gap (the hub lacks entries this device thought sent — a hub restored from a backup): those entries are
 *     made pending again and resent from where the hub stands;
 *   - a conflict (the hub holds a sequence number with other content — this device restored from an old
 *     backup): the unacknowledged entries are renumbered after the hub's last and resent;
 *   - transient failures: each entry's attempts, last error and next attempt time (back-off) are recorded.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError, toEnvelope } from '../../../shared/errors.js';
import type { Lang } from '../../../shared/i18n/errors.js';
import { backoffDelayMs } from '../../../shared/sync/backoff.js';
import { MAX_PUSH_ENTRIES, pushResponseSchema, type PushResponse } from '../../../shared/sync/protocol.js';
import { entryHashInput, type OutboxEntry, type RecordKind } from '../../../shared/sync/records.js';
import { sha256Hex } from '../../../src-node/signing.js';
import type { AppDb } from '../../db/open.js';
import { failpoint } from './failpoint.js';
import { HubRefusal, isTransient, type HubClient } from './hub-client.js';

export const BATCH_ENTRIES = 200;
export const BATCH_BYTES = 4 * 1024 * 1024;

export interface PushReport {
  sent: number;
  applied: number;
  rejected: number;
  replays: number;
  renumbered: number;
  resentAfterGap: number;
  batches: number;
  pending: number;
}

interface OutboxRow {
  seq: number;
  kind: RecordKind;
  entity_id: string;
  payload: string;
  hash: string;
  created_at: string;
}

function nextBatch(conn: BetterSqlite3.Database, maxEntries: number): OutboxRow[] {
  const rows = conn.prepare("SELECT seq, kind, entity_id, payload, hash, created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(maxEntries) as OutboxRow[];
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const r of rows) {
    bytes += r.payload.length;
    if (batch.length > 0 && bytes > BATCH_BYTES) break;
    batch.push(r);
  }
  return batch;
}

export const toEntry = (r: OutboxRow): OutboxEntry => ({ seq: r.seq, kind: r.kind, entityId: r.entity_id, payload: JSON.parse(r.payload), hash: r.hash, createdAt: r.created_at });

export function pendingCount(conn: BetterSqlite3.Database): number {
  return conn.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
}

/** Entries from `expected` on are no longer known to the hub: pending again, to be resent. */
function reopenFrom(conn: BetterSqlite3.Database, expected: number): number {
  return conn.prepare("UPDATE outbox SET state = 'pending', sent_at = NULL, hub_seq = NULL, reject_code = NULL, reject_message = NULL, reject_path = NULL, resent_as = NULL WHERE seq >= ? AND state <> 'pending'").run(expected).changes;
}

/**
 * The hub holds `fromSeq` (and perhaps later numbers) with other content: every entry from `fromSeq` on takes a
 * new number after the hub's last, in order, its hash recomputed. In one transaction.
 */
function renumberFrom(conn: BetterSqlite3.Database, fromSeq: number, hubLast: number): number {
  return conn
    .transaction(() => {
      const rows = conn.prepare('SELECT seq, kind, entity_id, payload FROM outbox WHERE seq >= ? ORDER BY seq').all(fromSeq) as OutboxRow[];
      const shift = 1_000_000_000;
      conn.prepare('UPDATE outbox SET seq = seq + ? WHERE seq >= ?').run(shift, fromSeq);
      const set = conn.prepare("UPDATE outbox SET seq = ?, hash = ?, state = 'pending', sent_at = NULL, hub_seq = NULL, reject_code = NULL, reject_message = NULL, reject_path = NULL WHERE seq = ?");
      rows.forEach((r, i) => {
        const seq = hubLast + 1 + i;
        set.run(seq, sha256Hex(entryHashInput({ seq, kind: r.kind, entityId: r.entity_id, payload: JSON.parse(r.payload) })), r.seq + shift);
      });
      // A `resent_as` pointing at a renumbered entry follows it.
      rows.forEach((r, i) => conn.prepare('UPDATE outbox SET resent_as = ? WHERE resent_as = ?').run(hubLast + 1 + i, r.seq));
      return rows.length;
    })
    .immediate();
}

function recordFailure(conn: BetterSqlite3.Database, batch: readonly OutboxRow[], err: unknown, lang: Lang, now: Date, random?: () => number): void {
  const message = toEnvelope(err, lang).message.slice(0, 500);
  conn
    .transaction(() => {
      const bump = conn.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?, next_attempt_at = ? WHERE seq = ?');
      const attempts = conn.prepare('SELECT attempts FROM outbox WHERE seq = ?').pluck();
      for (const r of batch) {
        const n = (attempts.get(r.seq) as number) + 1;
        bump.run(message, now.toISOString(), new Date(now.getTime() + backoffDelayMs(n, random)).toISOString(), r.seq);
      }
    })
    .immediate();
}

function recordResults(conn: BetterSqlite3.Database, res: PushResponse, now: Date): { applied: number; rejected: number; replays: number; conflictAt: number | null } {
  const out = { applied: 0, rejected: 0, replays: 0, conflictAt: null as number | null };
  conn
    .transaction(() => {
      const sent = conn.prepare("UPDATE outbox SET state = 'sent', sent_at = ?, hub_seq = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = NULL, next_attempt_at = NULL WHERE seq = ? AND state = 'pending'");
      const rejected = conn.prepare(
        "UPDATE outbox SET state = 'rejected', sent_at = ?, hub_seq = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = NULL, next_attempt_at = NULL, reject_code = ?, reject_message = ?, reject_path = ? WHERE seq = ? AND state = 'pending'",
      );
      const at = now.toISOString();
      for (const r of res.results) {
        if (r.replay && r.status !== 'conflict') out.replays++;
        failpoint('push.record');
        if (r.status === 'applied') {
          sent.run(at, r.hubSeq, at, r.seq);
          out.applied++;
        } else if (r.status === 'rejected') {
          rejected.run(at, r.hubSeq, at, r.code ?? 'REJECTED', r.message ?? '', r.path ?? null, r.seq);
          out.rejected++;
        } else if (out.conflictAt === null || r.seq < out.conflictAt) out.conflictAt = r.seq;
      }
    })
    .immediate();
  return out;
}

export async function pushOutbox(
  db: AppDb,
  hub: HubClient,
  deviceId: string,
  o: { lang?: Lang; now?: () => Date; onProgress?: (done: number, total: number) => void; random?: () => number; batchEntries?: number } = {},
): Promise<PushReport> {
  const conn = db.rawWrite;
  const now = o.now ?? (() => new Date());
  const lang = o.lang ?? 'zh-CN';
  const report: PushReport = { sent: 0, applied: 0, rejected: 0, replays: 0, renumbered: 0, resentAfterGap: 0, batches: 0, pending: 0 };
  let size = Math.min(o.batchEntries ?? BATCH_ENTRIES, MAX_PUSH_ENTRIES);
  const total = pendingCount(conn);
  let done = 0;
  o.onProgress?.(0, total);
  for (let guard = 0; guard < 100_000; guard++) {
    const batch = nextBatch(conn, size);
    if (batch.length === 0) break;
    let res: PushResponse;
    try {
      res = await hub.post('/v1/push', { deviceId, entries: batch.map(toEntry) }, pushResponseSchema);
    } catch (err) {
      if (err instanceof HubRefusal && err.code === 'SEQ_GAP') {
        const expected = Number((err.envelope.details as { expected?: unknown } | undefined)?.expected);
        if (!Number.isSafeInteger(expected) || expected < 1 || expected >= batch[0]!.seq) throw new AppError('HUB_BAD_RESPONSE', { params: { detail: `SEQ_GAP expected ${String(expected)}` } });
        report.resentAfterGap += reopenFrom(conn, expected);
        continue;
      }
      if (err instanceof HubRefusal && err.status === 413 && batch.length > 1) {
        size = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      if (err instanceof HubRefusal && (err.status === 413 || err.status === 400) && batch.length === 1) {
        // The hub cannot take this one entry at all: it is rejected with the hub's reason, and the rest go on.
        conn.prepare("UPDATE outbox SET state = 'rejected', reject_code = ?, reject_message = ?, attempts = attempts + 1, last_attempt_at = ? WHERE seq = ?")
          .run(err.code, toEnvelope(err, lang).message, now().toISOString(), batch[0]!.seq);
        report.rejected++;
        continue;
      }
      if (isTransient(err)) recordFailure(conn, batch, err, lang, now(), o.random);
      throw err;
    }
    report.batches++;
    failpoint('push.answer');
    const r = recordResults(conn, res, now());
    report.applied += r.applied;
    report.rejected += r.rejected;
    report.replays += r.replays;
    report.sent += r.applied + r.rejected;
    done += r.applied + r.rejected;
    if (r.conflictAt !== null) report.renumbered += renumberFrom(conn, r.conflictAt, res.lastSeq);
    else if (res.gap) report.resentAfterGap += reopenFrom(conn, res.gap.expected);
    o.onProgress?.(Math.min(done, total), total);
  }
  report.pending = pendingCount(conn);
  return report;
}
