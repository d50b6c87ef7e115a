/**
 * Post-loan checks against the local database: the input is completed from what the database knows (the linked
 * project's library status, the library's freshness) without overriding what the input gives; invoice numbers are
 * compared with every other loan's payments; a saved check is immutable with its rules version, input and hash.
 */
import { canonicalHash } from '../../src-node/signing.js';
import { yuanToFen } from '../../shared/domain/money.js';
import { AppError } from '../../shared/errors.js';
import { DEFAULT_POSTLOAN_RULES, loadPostloanRules } from '../../shared/postloan/default-rules.js';
import { runCheck, type CheckResult, type OtherInvoices } from '../../shared/postloan/engine.js';
import { checkInputSchema, type CheckInput } from '../../shared/postloan/input.js';
import type { PostloanRules } from '../../shared/postloan/rules.js';
import { addDays } from '../../shared/scoring/dates.js';
import { validationError } from '../api/dispatch.js';
import type { AppDb } from '../db/open.js';
import type { SessionUser } from './sessions.js';
import { recordChanged } from './sync/records.js';

export function activePostloanRules(db: AppDb): PostloanRules {
  const chosen = db.rawRead.prepare("SELECT value FROM setting WHERE key = 'postloan.activeRules'").pluck().get() as string | undefined;
  if (chosen && chosen !== DEFAULT_POSTLOAN_RULES.id) {
    const row = db.rawRead.prepare("SELECT document FROM model_document WHERE kind = 'postloan' AND id = ?").pluck().get(chosen) as string | undefined;
    if (row) return loadPostloanRules(JSON.parse(row));
  }
  return DEFAULT_POSTLOAN_RULES;
}

/** The calendar date (Asia/Shanghai) of an ISO timestamp. */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Fills what the input leaves out from the database, then validates: fields given in the input win. */
export function completeCheckInput(db: AppDb, raw: unknown): CheckInput {
  const doc = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    const loan = (d.loan && typeof d.loan === 'object' ? d.loan : {}) as Record<string, unknown>;
    const project = (d.project && typeof d.project === 'object' ? { ...(d.project as object) } : {}) as Record<string, unknown>;
    if (project.libraryStatus === undefined && typeof loan.projectId === 'string') {
      const status = db.rawRead.prepare('SELECT status FROM project WHERE id = ?').pluck().get(loan.projectId) as string | undefined;
      if (status) project.libraryStatus = status;
    }
    d.project = project;
    if (d.librarySyncedAt === undefined) {
      const synced = db.rawRead.prepare("SELECT synced_at FROM library_state WHERE id = 1 AND source IN ('import', 'hub')").pluck().get() as string | undefined;
      if (synced) d.librarySyncedAt = shanghaiDate(synced);
    }
  }
  const r = checkInputSchema.safeParse(doc);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

export const invoiceKey = (no: string | undefined) => (no && no.trim() !== '' ? no.trim().toUpperCase() : null);

/** Payments of other loans that used any of these invoice numbers (one indexed look-up per 500 numbers). */
export function otherInvoices(db: AppDb, loanId: string, keys: readonly string[]): OtherInvoices {
  const found = new Map<string, { loanId: string; paymentId: string }[]>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = db.rawRead
      .prepare(`SELECT invoice_key, loan_id, ref FROM payment WHERE invoice_key IN (${chunk.map(() => '?').join(',')}) AND loan_id <> ?`)
      .all(...chunk, loanId) as { invoice_key: string; loan_id: string; ref: string }[];
    for (const r of rows) found.set(r.invoice_key, [...(found.get(r.invoice_key) ?? []), { loanId: r.loan_id, paymentId: r.ref }]);
  }
  return found;
}

export interface CheckRun {
  input: CheckInput;
  inputHash: string;
  rules: PostloanRules;
  result: CheckResult;
}

export function checkWithDb(db: AppDb, raw: unknown, rules: PostloanRules = activePostloanRules(db)): CheckRun {
  const input = completeCheckInput(db, raw);
  const keys = [...new Set(input.payments.map((p) => invoiceKey(p.invoiceNo)).filter((k): k is string => k !== null))];
  const result = runCheck(input, rules, otherInvoices(db, input.loan.id, keys));
  return { input, inputHash: canonicalHash(input), rules, result };
}

const fen = (yuan: number, path: string) => {
  const v = yuanToFen(yuan);
  if (v === null) throw new AppError('VALIDATION', { path, params: { detail: path } });
  return v;
};

/**
 * Records a check in one transaction: the loan (created from the input the first time), its payments (so later
 * checks of any loan see their invoice numbers), and the immutable check record.
 */
export function saveCheck(db: AppDb, user: SessionUser, raw: unknown, now = new Date()): { checkId: number; run: CheckRun } {
  return db.rawWrite
    .transaction(() => {
      const run = checkWithDb(db, raw);
      const { input } = run;
      const at = now.toISOString();
      const exists = db.rawWrite.prepare('SELECT 1 FROM loan WHERE id = ?').get(input.loan.id);
      if (!exists) {
        // The borrower's name as the database knows it: from an application or the linked project's owner.
        const name =
          (db.rawWrite.prepare('SELECT applicant_name FROM application WHERE applicant_uscc = ? ORDER BY updated_at DESC LIMIT 1').pluck().get(input.loan.borrowerUscc) as string | undefined) ??
          (db.rawWrite.prepare('SELECT owner_name FROM project WHERE owner_uscc = ? LIMIT 1').pluck().get(input.loan.borrowerUscc) as string | undefined) ??
          input.loan.borrowerUscc;
        db.rawWrite
          .prepare(
            `INSERT INTO loan (id, borrower_name, borrower_uscc, amount_fen, agreed_purposes, green_category, cerf, third_party_verified,
               related_party_usccs, project_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.loan.id, name, input.loan.borrowerUscc, fen(input.loan.amountYuan, 'loan.amountYuan'), JSON.stringify(input.loan.agreedPurposes),
            input.loan.greenCategory ?? null, input.loan.cerf ? 1 : 0, input.loan.thirdPartyVerified ? 1 : 0, JSON.stringify(input.loan.relatedPartyUsccs),
            input.loan.projectId ?? null, user.id, at);
      }
      const upsert = db.rawWrite.prepare(
        `INSERT INTO payment (loan_id, ref, date, amount_fen, payee_name, payee_uscc, payee_account, purpose, invoice_no, invoice_key, attachments, created_at)
         VALUES (@loan_id, @ref, @date, @amount_fen, @payee_name, @payee_uscc, @payee_account, @purpose, @invoice_no, @invoice_key, @attachments, @at)
         ON CONFLICT (loan_id, ref) DO UPDATE SET date = excluded.date, amount_fen = excluded.amount_fen, payee_name = excluded.payee_name,
           payee_uscc = excluded.payee_uscc, payee_account = excluded.payee_account, purpose = excluded.purpose, invoice_no = excluded.invoice_no,
           invoice_key = excluded.invoice_key, attachments = excluded.attachments`,
      );
      input.payments.forEach((p, i) =>
        upsert.run({
          loan_id: input.loan.id, ref: p.id, date: p.date, amount_fen: fen(p.amountYuan, `payments.${i}.amountYuan`), payee_name: p.payeeName,
          payee_uscc: p.payeeUscc ?? null, payee_account: p.payeeAccount, purpose: p.purpose, invoice_no: p.invoiceNo ?? null,
          invoice_key: invoiceKey(p.invoiceNo), attachments: p.attachments, at,
        }),
      );
      const checkId = Number(
        db.rawWrite
          .prepare(
            `INSERT INTO check_record (loan_id, rules_id, as_of, input, input_hash, result, verdict, next_due, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.loan.id, run.rules.id, input.asOf, JSON.stringify(input), run.inputHash, JSON.stringify(run.result), run.result.verdict,
            run.result.nextCheckDue, user.id, at).lastInsertRowid,
      );
      recordChanged(db.rawWrite, 'loan', input.loan.id, now);
      recordChanged(db.rawWrite, 'check', checkId, now);
      return { checkId, run };
    })
    .immediate();
}

/** The first check of a loan is due within this many days of its first disbursement (the rules' schedule). */
export function firstCheckDue(firstDisbursement: string, rules: PostloanRules): string {
  return addDays(firstDisbursement, rules.schedule.firstWithinDays);
}
