/**
 * Loans after approval: registering a loan from an approved application, its disbursements, the due list of
 * post-loan checks (DOMAIN.md schedule), the measures compliance staff take (the loan's green status follows), and
 * one timeline per loan.
 */
import { AppError } from '../../shared/errors.js';
import { yuanToFen } from '../../shared/domain/money.js';
import type { CheckResult } from '../../shared/postloan/engine.js';
import type { Purpose } from '../../shared/postloan/rules.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { addDays } from '../../shared/scoring/dates.js';
import type { AppDb } from '../db/open.js';
import { activePostloanRules } from './checks.js';
import type { SessionUser } from './sessions.js';
import { loanRecord, recordChanged } from './sync/records.js';

export const MEASURES = ['warning', 'rectification_deadline', 'disbursement_suspended', 'early_recall', 'green_label_removed', 'reported'] as const;
export type Measure = (typeof MEASURES)[number];

export interface LoanTerms {
  applicationId: string;
  agreedPurposes: Purpose[];
  relatedPartyUsccs: string[];
  cerf: boolean;
  thirdPartyVerified: boolean;
}

/** A loan for an approved (or disbursed) application; its id is the application's. */
export function registerLoan(db: AppDb, user: SessionUser, t: LoanTerms, now = new Date()): string {
  return db.rawWrite
    .transaction(() => {
      const app = db.rawWrite.prepare('SELECT status, applicant_name, applicant_uscc, amount_fen, project_id, input FROM application WHERE id = ?').get(t.applicationId) as
        | { status: string; applicant_name: string; applicant_uscc: string; amount_fen: number; project_id: string | null; input: string }
        | undefined;
      if (!app) throw new AppError('NOT_FOUND', { path: 'applicationId', params: { what: t.applicationId } });
      if (app.status !== 'approved' && app.status !== 'disbursed') throw new AppError('ILLEGAL_TRANSITION', { path: 'applicationId', params: { status: app.status, action: 'register_loan' } });
      if (db.rawWrite.prepare('SELECT 1 FROM loan WHERE id = ?').get(t.applicationId)) throw new AppError('LOAN_EXISTS', { path: 'applicationId', params: { value: t.applicationId } });
      const input = JSON.parse(app.input) as ScoreInput;
      db.rawWrite
        .prepare(
          `INSERT INTO loan (id, application_id, borrower_name, borrower_uscc, amount_fen, agreed_purposes, green_category, cerf, third_party_verified,
             related_party_usccs, project_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(t.applicationId, t.applicationId, app.applicant_name, app.applicant_uscc, app.amount_fen, JSON.stringify(t.agreedPurposes),
          input.loan.greenCategory ?? null, t.cerf ? 1 : 0, t.thirdPartyVerified ? 1 : 0, JSON.stringify(t.relatedPartyUsccs), app.project_id, user.id, now.toISOString());
      recordChanged(db.rawWrite, 'loan', t.applicationId, now);
      return t.applicationId;
    })
    .immediate();
}

/** A loan as the check form starts from: its record (as the hub gets it), evidence on file and its last check. */
export function getLoan(db: AppDb, loanId: string) {
  if (!db.rawRead.prepare('SELECT 1 FROM loan WHERE id = ?').get(loanId)) throw new AppError('NOT_FOUND', { path: 'loanId', params: { what: loanId } });
  const l = loanRecord(db.rawRead, loanId);
  const last = db.rawRead.prepare('SELECT id, as_of, verdict, input FROM check_record WHERE loan_id = ? ORDER BY as_of DESC, id DESC LIMIT 1').get(loanId) as
    | { id: number; as_of: string; verdict: string; input: string }
    | undefined;
  return {
    loanId: l.id, applicationId: l.applicationId, borrowerName: l.borrowerName, borrowerUscc: l.borrowerUscc, amountFen: l.amountFen,
    disbursedFen: l.disbursements.reduce((s, d) => s + d.amountFen, 0), agreedPurposes: l.agreedPurposes, relatedPartyUsccs: l.relatedPartyUsccs,
    cerf: l.cerf, thirdPartyVerified: l.thirdPartyVerified, greenCategory: l.greenCategory, projectId: l.projectId, greenStatus: l.greenStatus,
    status: l.status, payments: l.payments.length, attachments: l.attachments,
    lastCheck: last ? { checkId: last.id, asOf: last.as_of, verdict: last.verdict, input: JSON.parse(last.input) as unknown } : null,
  };
}

export function addDisbursement(db: AppDb, user: SessionUser, loanId: string, date: string, amountYuan: number, now = new Date()): number {
  const amount = yuanToFen(amountYuan);
  if (amount === null || amount <= 0) throw new AppError('BAD_MONEY', { path: 'amountYuan', params: { field: 'amountYuan', value: String(amountYuan) } });
  return db.rawWrite
    .transaction(() => {
      const loan = db.rawWrite.prepare('SELECT amount_fen, status FROM loan WHERE id = ?').get(loanId) as { amount_fen: number; status: string } | undefined;
      if (!loan) throw new AppError('NOT_FOUND', { path: 'loanId', params: { what: loanId } });
      if (loan.status !== 'active') throw new AppError('LOAN_CLOSED', { path: 'loanId' });
      const suspended = db.rawWrite
        .prepare("SELECT 1 FROM check_measure m JOIN check_record c ON c.id = m.check_id WHERE c.loan_id = ? AND m.measure = 'disbursement_suspended'")
        .get(loanId);
      if (suspended) throw new AppError('DISBURSEMENT_SUSPENDED', { path: 'loanId' });
      const sum = db.rawWrite.prepare('SELECT coalesce(sum(amount_fen), 0) FROM disbursement WHERE loan_id = ?').pluck().get(loanId) as number;
      if (sum + amount > loan.amount_fen) throw new AppError('DISBURSED_OVER_AMOUNT', { path: 'amountYuan' });
      const id = Number(
        db.rawWrite.prepare('INSERT INTO disbursement (loan_id, date, amount_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(loanId, date, amount, user.id, now.toISOString()).lastInsertRowid,
      );
      recordChanged(db.rawWrite, 'loan', loanId, now);
      return id;
    })
    .immediate();
}

export interface DueLoan {
  loanId: string;
  borrowerName: string;
  amountFen: number;
  disbursedFen: number;
  greenStatus: 'green' | 'removed';
  lastCheckAsOf: string | null;
  lastVerdict: CheckResult['verdict'] | null;
  nextDue: string | null;
  overdueDays: number | null;
}

/**
 * Active loans with their next check: the last check's next date, or (never checked) the first disbursement plus
 * the schedule's first window; loans not yet disbursed have none. Overdue first, then soonest.
 */
export function dueList(db: AppDb, asOf: string): { items: DueLoan[]; counts: Record<string, number> } {
  const rules = activePostloanRules(db);
  const rows = db.rawRead
    .prepare(
      `SELECT l.id, l.borrower_name, l.amount_fen, l.green_status,
         (SELECT coalesce(sum(amount_fen), 0) FROM disbursement d WHERE d.loan_id = l.id) AS disbursed,
         (SELECT min(date) FROM disbursement d WHERE d.loan_id = l.id) AS first_disbursed,
         c.as_of, c.verdict, c.next_due
       FROM loan l
       LEFT JOIN check_record c ON c.id = (SELECT id FROM check_record WHERE loan_id = l.id ORDER BY as_of DESC, id DESC LIMIT 1)
       WHERE l.status = 'active'`,
    )
    .all() as { id: string; borrower_name: string; amount_fen: number; green_status: 'green' | 'removed'; disbursed: number; first_disbursed: string | null; as_of: string | null; verdict: DueLoan['lastVerdict']; next_due: string | null }[];
  const day = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const items = rows.map((r): DueLoan => {
    const nextDue = r.next_due ?? (r.first_disbursed ? addDays(r.first_disbursed, rules.schedule.firstWithinDays) : null);
    return {
      loanId: r.id, borrowerName: r.borrower_name, amountFen: r.amount_fen, disbursedFen: r.disbursed, greenStatus: r.green_status,
      lastCheckAsOf: r.as_of, lastVerdict: r.verdict, nextDue, overdueDays: nextDue ? Math.max(0, day(nextDue, asOf)) : null,
    };
  });
  items.sort((a, b) => (b.overdueDays ?? -1) - (a.overdueDays ?? -1) || (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999') || a.loanId.localeCompare(b.loanId));
  const counts: Record<string, number> = { suspected_misuse: 0, needs_rectification: 0, compliant: 0, unchecked: 0, overdue: 0 };
  for (const i of items) {
    counts[i.lastVerdict ?? 'unchecked'] = (counts[i.lastVerdict ?? 'unchecked'] ?? 0) + 1;
    if ((i.overdueDays ?? 0) > 0) counts.overdue = (counts.overdue ?? 0) + 1;
  }
  return { items, counts };
}

/** Records a measure taken after a check; removing the green label takes the loan out of green-loan statistics. */
export function recordMeasure(db: AppDb, user: SessionUser, checkId: number, measure: Measure, reason: string, deadline: string | null, now = new Date()): number {
  if (reason.trim() === '') throw new AppError('REASON_REQUIRED', { path: 'reason' });
  if (measure === 'rectification_deadline' && !deadline) throw new AppError('MISSING_FIELD', { path: 'deadline', params: { field: 'deadline' } });
  return db.rawWrite
    .transaction(() => {
      const check = db.rawWrite.prepare('SELECT loan_id FROM check_record WHERE id = ?').get(checkId) as { loan_id: string } | undefined;
      if (!check) throw new AppError('NOT_FOUND', { path: 'checkId', params: { what: String(checkId) } });
      const id = Number(
        db.rawWrite.prepare('INSERT INTO check_measure (check_id, measure, reason, deadline, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(checkId, measure, reason.trim(), deadline, user.id, now.toISOString()).lastInsertRowid,
      );
      if (measure === 'green_label_removed') {
        db.rawWrite.prepare("UPDATE loan SET green_status = 'removed' WHERE id = ?").run(check.loan_id);
        recordChanged(db.rawWrite, 'loan', check.loan_id, now);
      }
      recordChanged(db.rawWrite, 'check', checkId, now);
      return id;
    })
    .immediate();
}

export interface TimelineEvent {
  at: string;
  kind: 'disbursement' | 'payment' | 'check' | 'measure';
  title: string;
  detail: Record<string, string | number | null>;
}

/** Everything that happened to a loan, in date order. */
export function loanTimeline(db: AppDb, loanId: string): TimelineEvent[] {
  if (!db.rawRead.prepare('SELECT 1 FROM loan WHERE id = ?').get(loanId)) throw new AppError('NOT_FOUND', { path: 'loanId', params: { what: loanId } });
  const ev: TimelineEvent[] = [];
  for (const d of db.rawRead.prepare('SELECT date, amount_fen FROM disbursement WHERE loan_id = ?').all(loanId) as { date: string; amount_fen: number }[]) {
    ev.push({ at: d.date, kind: 'disbursement', title: '放款', detail: { amountFen: d.amount_fen } });
  }
  for (const p of db.rawRead.prepare('SELECT ref, date, amount_fen, payee_name, purpose, invoice_no FROM payment WHERE loan_id = ?').all(loanId) as { ref: string; date: string; amount_fen: number; payee_name: string; purpose: string; invoice_no: string | null }[]) {
    ev.push({ at: p.date, kind: 'payment', title: `支付 ${p.ref}`, detail: { amountFen: p.amount_fen, payee: p.payee_name, purpose: p.purpose, invoiceNo: p.invoice_no } });
  }
  for (const c of db.rawRead.prepare('SELECT id, as_of, verdict, next_due, rules_id FROM check_record WHERE loan_id = ?').all(loanId) as { id: number; as_of: string; verdict: string; next_due: string; rules_id: string }[]) {
    ev.push({ at: c.as_of, kind: 'check', title: `贷后检查 #${c.id}`, detail: { checkId: c.id, verdict: c.verdict, nextDue: c.next_due, rules: c.rules_id } });
  }
  for (const m of db.rawRead
    .prepare('SELECT m.measure, m.reason, m.deadline, m.created_at, c.id AS check_id FROM check_measure m JOIN check_record c ON c.id = m.check_id WHERE c.loan_id = ?')
    .all(loanId) as { measure: string; reason: string; deadline: string | null; created_at: string; check_id: number }[]) {
    ev.push({ at: m.created_at.slice(0, 10), kind: 'measure', title: m.measure, detail: { checkId: m.check_id, reason: m.reason, deadline: m.deadline } });
  }
  const order = { disbursement: 0, payment: 1, check: 2, measure: 3 };
  return ev.sort((a, b) => a.at.localeCompare(b.at) || order[a.kind] - order[b.kind]);
}
