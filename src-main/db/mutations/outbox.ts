/**
 * Writing outbox entries: called inside the transaction of the write they describe, so an entry exists exactly
 * when its write does. The sequence number is the next of this device's (max + 1 under the write lock: no gaps).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { entryHashInput, type RecordKind } from '../../../shared/sync/records.js';
import { sha256Hex } from '../../../src-node/signing.js';

export function enqueueEntry(conn: BetterSqlite3.Database, kind: RecordKind, entityId: string, payload: unknown, now: Date): number {
  if (!conn.inTransaction) throw new Error('an outbox entry is written in the transaction of its write');
  const seq = ((conn.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0) + 1;
  const hash = sha256Hex(entryHashInput({ seq, kind, entityId, payload }));
  conn
    .prepare('INSERT INTO outbox (seq, kind, entity_id, payload, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(seq, kind, entityId, JSON.stringify(payload), hash, now.toISOString());
  return seq;
}
