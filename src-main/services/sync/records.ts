/**
 * The whole current state of a record, as an outbox entry carries it to the hub (shared/sync/records.ts), read
 * from the tables inside the transaction that changed it; and `recordChanged`, which every service that writes
 * an application, a loan or a check calls at the end of its transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  checkEntityId, type Actor, type ApplicationRecord, type CheckRecord, type LoanRecord, type RecordKind,
} from '../../../shared/sync/records.js';
import { enqueueEntry } from '../../db/mutations/outbox.js';

type Conn = BetterSqlite3.Database;

function actors(conn: Conn): (id: number) => Actor {
  const cache = new Map<number, Actor>();
  const stmt = conn.prepare('SELECT username, display_name, role FROM user WHERE id = ?');
  return (id) => {
    let a = cache.get(id);
    if (!a) {
      const r = stmt.get(id) as { username: string; display_name: string; role: Actor['role'] } | undefined;
      a = r ? { username: r.username, displayName: r.display_name, role: r.role } : { username: `user-${id}`, displayName: `#${id}`, role: 'system' };
      cache.set(id, a);
    }
    return a;
  };
}

function projectView(conn: Conn, projectId: string | null, version: number | null) {
  if (projectId === null) return null;
  if (version === null) return { found: false as const };
  // The project as of that version: its current row if it has not changed since, else the state in its history.
  type Seen = { name: string; status: 'listed' | 'under_construction' | 'in_operation' | 'withdrawn' };
  const current = conn.prepare('SELECT name, status FROM project WHERE id = ? AND library_version = ?').get(projectId, version) as Seen | undefined;
  const old = current ? undefined : (conn.prepare('SELECT data FROM project_version WHERE project_id = ? AND library_version = ?').pluck().get(projectId, version) as string | undefined);
  if (!current && !old) return { found: false as const };
  const p = current ?? (JSON.parse(old!) as Seen);
  return { found: true as const, name: p.name, status: p.status, libraryVersion: version };
}

export function applicationRecord(conn: Conn, id: string): ApplicationRecord {
  const who = actors(conn);
  const a = conn.prepare('SELECT * FROM application WHERE id = ?').get(id) as {
    id: string; status: ApplicationRecord['status']; input: string; project_id: string | null; project_version: number | null; created_by: number; created_at: string; updated_at: string;
  };
  const scores = conn.prepare('SELECT * FROM score WHERE application_id = ? ORDER BY id').all(id) as {
    id: number; model_id: string; input: string; input_hash: string; result: string; project_id: string | null; project_version: number | null; created_by: number; created_at: string;
  }[];
  const transitions = conn.prepare('SELECT * FROM application_transition WHERE application_id = ? ORDER BY id').all(id) as {
    action: ApplicationRecord['transitions'][number]['action']; from_status: ApplicationRecord['status'] | null; to_status: ApplicationRecord['status']; actor_id: number; reason: string; at: string;
  }[];
  return {
    id: a.id,
    status: a.status,
    input: JSON.parse(a.input),
    projectId: a.project_id,
    projectVersion: a.project_version,
    createdBy: who(a.created_by),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    scores: scores.map((s) => ({
      id: s.id, modelId: s.model_id, input: JSON.parse(s.input), inputHash: s.input_hash, result: JSON.parse(s.result), projectId: s.project_id,
      projectVersion: s.project_version, project: projectView(conn, s.project_id, s.project_version), createdBy: who(s.created_by), createdAt: s.created_at,
    })),
    transitions: transitions.map((t) => ({ action: t.action, fromStatus: t.from_status, toStatus: t.to_status, actor: who(t.actor_id), reason: t.reason, at: t.at })),
  };
}

export function loanRecord(conn: Conn, id: string): LoanRecord {
  const who = actors(conn);
  const l = conn.prepare('SELECT * FROM loan WHERE id = ?').get(id) as {
    id: string; application_id: string | null; borrower_name: string; borrower_uscc: string; amount_fen: number; agreed_purposes: string; green_category: string | null;
    cerf: number; third_party_verified: number; related_party_usccs: string; project_id: string | null; green_status: LoanRecord['greenStatus']; status: LoanRecord['status'];
    created_by: number; created_at: string;
  };
  const disbursements = conn.prepare('SELECT date, amount_fen, created_by, created_at FROM disbursement WHERE loan_id = ? ORDER BY id').all(id) as { date: string; amount_fen: number; created_by: number; created_at: string }[];
  const payments = conn.prepare('SELECT * FROM payment WHERE loan_id = ? ORDER BY id').all(id) as {
    ref: string; date: string; amount_fen: number; payee_name: string; payee_uscc: string | null; payee_account: 'corporate' | 'personal'; purpose: LoanRecord['payments'][number]['purpose']; invoice_no: string | null; attachments: number;
  }[];
  const attachments = conn.prepare('SELECT id, payment_ref, kind, file_name, size, sha256, mime, created_at FROM attachment WHERE loan_id = ? ORDER BY id').all(id) as {
    id: number; payment_ref: string | null; kind: LoanRecord['attachments'][number]['kind']; file_name: string; size: number; sha256: string; mime: string; created_at: string;
  }[];
  return {
    id: l.id, applicationId: l.application_id, borrowerName: l.borrower_name, borrowerUscc: l.borrower_uscc, amountFen: l.amount_fen,
    agreedPurposes: JSON.parse(l.agreed_purposes), greenCategory: l.green_category, cerf: l.cerf === 1, thirdPartyVerified: l.third_party_verified === 1,
    relatedPartyUsccs: JSON.parse(l.related_party_usccs), projectId: l.project_id, greenStatus: l.green_status, status: l.status,
    createdBy: who(l.created_by), createdAt: l.created_at,
    disbursements: disbursements.map((d) => ({ date: d.date, amountFen: d.amount_fen, createdBy: who(d.created_by), createdAt: d.created_at })),
    payments: payments.map((p) => ({
      ref: p.ref, date: p.date, amountFen: p.amount_fen, payeeName: p.payee_name, payeeUscc: p.payee_uscc, payeeAccount: p.payee_account, purpose: p.purpose,
      invoiceNo: p.invoice_no, attachments: p.attachments,
    })),
    attachments: attachments.map((a) => ({ id: a.id, paymentRef: a.payment_ref, kind: a.kind, fileName: a.file_name, size: a.size, sha256: a.sha256, mime: a.mime, createdAt: a.created_at })),
  };
}

export function checkRecord(conn: Conn, checkId: number): CheckRecord {
  const who = actors(conn);
  const c = conn.prepare('SELECT * FROM check_record WHERE id = ?').get(checkId) as {
    id: number; loan_id: string; rules_id: string; as_of: string; input: string; input_hash: string; result: string; verdict: CheckRecord['verdict']; next_due: string; created_by: number; created_at: string;
  };
  const measures = conn.prepare('SELECT measure, reason, deadline, created_by, created_at FROM check_measure WHERE check_id = ? ORDER BY id').all(checkId) as {
    measure: CheckRecord['measures'][number]['measure']; reason: string; deadline: string | null; created_by: number; created_at: string;
  }[];
  return {
    id: c.id, loanId: c.loan_id, rulesId: c.rules_id, asOf: c.as_of, input: JSON.parse(c.input), inputHash: c.input_hash, result: JSON.parse(c.result),
    verdict: c.verdict, nextDue: c.next_due, createdBy: who(c.created_by), createdAt: c.created_at,
    measures: measures.map((m) => ({ measure: m.measure, reason: m.reason, deadline: m.deadline, createdBy: who(m.created_by), createdAt: m.created_at })),
  };
}

/** The whole current state of a record, and the entity id its entries carry. */
export function currentRecord(conn: Conn, kind: RecordKind, id: string | number): { entityId: string; payload: unknown } {
  if (kind === 'application') return { entityId: String(id), payload: applicationRecord(conn, String(id)) };
  if (kind === 'loan') return { entityId: String(id), payload: loanRecord(conn, String(id)) };
  const n = typeof id === 'number' ? id : Number(String(id).replace(/^CK-/, ''));
  return { entityId: checkEntityId(n), payload: checkRecord(conn, n) };
}

/** Writes an outbox entry with the record's current state; call it inside the transaction that changed it. */
export function recordChanged(conn: Conn, kind: RecordKind, id: string | number, now: Date): number {
  const { entityId, payload } = currentRecord(conn, kind, id);
  return enqueueEntry(conn, kind, entityId, payload, now);
}
