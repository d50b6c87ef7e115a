/**
 * The outbox as the officer sees it: counts, the entries with their state and reason, resending a rejected
 * record (its current state, as a new entry), and the offline file of the pending entries.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { OUTBOX_FILE_FORMAT, outboxFileSigningText, type OutboxFile } from '../../../shared/sync/outbox-file.js';
import type { RecordKind } from '../../../shared/sync/records.js';
import { signText } from '../../../src-node/signing.js';
import type { AppDb } from '../../db/open.js';
import { deviceIdentity } from './identity.js';
import { toEntry } from './push.js';
import { currentRecord } from './records.js';
import { enqueueEntry } from '../../db/mutations/outbox.js';

export type OutboxState = 'pending' | 'sent' | 'rejected' | 'resent';

export interface OutboxCounts {
  pending: number;
  sent: number;
  rejected: number;
  resent: number;
  /** The oldest pending entry's time (device clock), for "waiting since". */
  oldestPendingAt: string | null;
  /** When the next automatic attempt may go (back-off after failures), or null. */
  nextAttemptAt: string | null;
}

export function outboxCounts(db: AppDb): OutboxCounts {
  const rows = db.rawRead.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: OutboxState; n: number }[];
  const n = (s: OutboxState) => rows.find((r) => r.state === s)?.n ?? 0;
  const oldest = db.rawRead.prepare("SELECT min(created_at) FROM outbox WHERE state = 'pending'").pluck().get() as string | null;
  const next = db.rawRead.prepare("SELECT max(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck().get() as string | null;
  return { pending: n('pending'), sent: n('sent'), rejected: n('rejected'), resent: n('resent'), oldestPendingAt: oldest, nextAttemptAt: next };
}

export interface OutboxItem {
  seq: number;
  kind: RecordKind;
  entityId: string;
  /** Who or what the record is about, for the list (applicant, borrower, check of a loan). */
  label: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  hubSeq: number | null;
  rejectCode: string | null;
  rejectMessage: string | null;
  rejectPath: string | null;
  resentAs: number | null;
}

function labelOf(kind: RecordKind, payload: string): string {
  try {
    const p = JSON.parse(payload) as Record<string, unknown>;
    if (kind === 'application') return String((p.input as { applicant?: { name?: string } })?.applicant?.name ?? p.id);
    if (kind === 'loan') return String(p.borrowerName ?? p.id);
    return `${String(p.loanId ?? '')} · ${String(p.asOf ?? '')}`;
  } catch {
    return '';
  }
}

export function listOutbox(db: AppDb, q: { state?: OutboxState | undefined; page: number; pageSize: number }): { total: number; items: OutboxItem[] } {
  const where = q.state ? 'WHERE state = @state' : '';
  const params = { state: q.state, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const total = db.rawRead.prepare(`SELECT count(*) FROM outbox ${where}`).pluck().get(params) as number;
  // Pending and rejected first in sequence order (what needs attention); the rest newest first.
  const order = q.state === 'pending' || q.state === 'rejected' ? 'seq' : 'seq DESC';
  const rows = db.rawRead.prepare(`SELECT * FROM outbox ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as {
    seq: number; kind: RecordKind; entity_id: string; payload: string; state: OutboxState; attempts: number; last_error: string | null; created_at: string; sent_at: string | null;
    hub_seq: number | null; reject_code: string | null; reject_message: string | null; reject_path: string | null; resent_as: number | null;
  }[];
  return {
    total,
    items: rows.map((r) => ({
      seq: r.seq, kind: r.kind, entityId: r.entity_id, label: labelOf(r.kind, r.payload), state: r.state, attempts: r.attempts, lastError: r.last_error,
      createdAt: r.created_at, sentAt: r.sent_at, hubSeq: r.hub_seq, rejectCode: r.reject_code, rejectMessage: r.reject_message, rejectPath: r.reject_path, resentAs: r.resent_as,
    })),
  };
}

/** A rejected entry, after the record was fixed (or the hub was): its record's current state as a new entry. */
export function resendRejected(db: AppDb, seq: number, now = new Date()): number {
  return db.rawWrite
    .transaction(() => {
      const row = db.rawWrite.prepare('SELECT kind, entity_id, state FROM outbox WHERE seq = ?').get(seq) as { kind: RecordKind; entity_id: string; state: OutboxState } | undefined;
      if (!row) throw new AppError('NOT_FOUND', { path: 'seq', params: { what: `#${seq}` } });
      if (row.state !== 'rejected') throw new AppError('NOT_RESENDABLE', { path: 'seq' });
      const { entityId, payload } = currentRecord(db.rawWrite, row.kind, row.entity_id);
      const next = enqueueEntry(db.rawWrite, row.kind, entityId, payload, now);
      db.rawWrite.prepare("UPDATE outbox SET state = 'resent', resent_as = ? WHERE seq = ?").run(next, seq);
      return next;
    })
    .immediate();
}

/** The pending entries as a signed greendesk.outbox.v1 document (nothing is marked: the hub's answer does that). */
export function outboxDocument(db: AppDb, now = new Date()): OutboxFile {
  backfillOutbox(db, now);
  const id = deviceIdentity(db.rawWrite);
  const rows = db.rawRead.prepare("SELECT seq, kind, entity_id, payload, hash, created_at FROM outbox WHERE state = 'pending' ORDER BY seq").all() as Parameters<typeof toEntry>[0][];
  const unsigned = { format: OUTBOX_FILE_FORMAT, deviceId: id.deviceId, keyId: id.keyId, createdAt: now.toISOString(), entries: rows.map(toEntry) } as const;
  return { ...unsigned, signature: signText(id.privateKey, outboxFileSigningText(unsigned)) };
}

/** Writes the document to `out` (aside first, then renamed: never a half-written file under the name). */
export function writeOutboxFile(db: AppDb, out: string, now = new Date()): { out: string; entries: number; firstSeq: number | null; lastSeq: number | null } {
  const doc = outboxDocument(db, now);
  writeFileSync(`${out}.partial`, JSON.stringify(doc));
  renameSync(`${out}.partial`, out);
  return { out, entries: doc.entries.length, firstSeq: doc.entries[0]?.seq ?? null, lastSeq: doc.entries[doc.entries.length - 1]?.seq ?? null };
}

const BACKFILLED = 'sync.backfilled';

/**
 * Records written before this database had an outbox (an older GreenDesk) get one entry each, once: every
 * application, then every loan, then every check, in one transaction. Later writes enqueue themselves.
 */
export function backfillOutbox(db: AppDb, now = new Date()): number {
  const conn = db.rawWrite;
  if (conn.prepare('SELECT 1 FROM setting WHERE key = ?').get(BACKFILLED)) return 0;
  return conn
    .transaction(() => {
      if (conn.prepare('SELECT 1 FROM setting WHERE key = ?').get(BACKFILLED)) return 0;
      let n = 0;
      const missing = (kind: RecordKind, ids: (string | number)[]) => {
        const has = conn.prepare('SELECT 1 FROM outbox WHERE kind = ? AND entity_id = ? LIMIT 1');
        for (const id of ids) {
          const { entityId, payload } = currentRecord(conn, kind, id);
          if (has.get(kind, entityId)) continue;
          enqueueEntry(conn, kind, entityId, payload, now);
          n++;
        }
      };
      missing('application', conn.prepare('SELECT id FROM application ORDER BY created_at, id').pluck().all() as string[]);
      missing('loan', conn.prepare('SELECT id FROM loan ORDER BY created_at, id').pluck().all() as string[]);
      missing('check', conn.prepare('SELECT id FROM check_record ORDER BY id').pluck().all() as number[]);
      conn.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(BACKFILLED, now.toISOString());
      return n;
    })
    .immediate();
}
