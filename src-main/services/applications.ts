/**
 * Credit applications: drafts, immutable scores (model id, input, input hash, result), and the lifecycle with
 * maker-checker. Every change is one IMMEDIATE transaction, and every transition is written to the append-only
 * audit trail with who and when.
 */
import { randomBytes } from 'node:crypto';
import {
  availableActions, TRANSITIONS, transitionProblem, type ApplicationAction, type ApplicationStatus, type Role,
} from '../../shared/applications/lifecycle.js';
import type { ScoreResult } from '../../shared/scoring/engine.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { AppError } from '../../shared/errors.js';
import { yuanToFen } from '../../shared/domain/money.js';
import type { AppDb } from '../db/open.js';
import { scoreWithLibrary, parseScoreInput } from './scoring.js';
import { recordChanged } from './sync/records.js';
import type { SessionUser } from './sessions.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** GA-YYYYMMDD-XXXXXX: unique across devices without a central counter (random 30 bits). */
export function newApplicationId(now = new Date()): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `GA-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${tail}`;
}

interface ApplicationRow {
  id: string;
  status: ApplicationStatus;
  applicant_name: string;
  applicant_uscc: string;
  district: string;
  amount_fen: number;
  term_months: number;
  project_id: string | null;
  project_version: number | null;
  input: string;
  latest_score_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

function columnsOf(input: ScoreInput) {
  const amount = yuanToFen(input.loan.amountYuan);
  if (amount === null) throw new AppError('VALIDATION', { path: 'loan.amountYuan', params: { detail: 'loan.amountYuan' } });
  return {
    applicant_name: input.applicant.name,
    applicant_uscc: input.applicant.uscc,
    district: input.applicant.district,
    industry_code: input.applicant.industryCode,
    amount_fen: amount,
    term_months: input.loan.termMonths,
    project_id: input.loan.projectId ?? null,
  };
}

function load(db: AppDb, id: string): ApplicationRow {
  const row = db.rawWrite.prepare('SELECT * FROM application WHERE id = ?').get(id) as ApplicationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', { path: 'id', params: { what: id } });
  return row;
}

function assertEditable(row: ApplicationRow, user: SessionUser): void {
  if (row.status !== 'draft') throw new AppError('NOT_EDITABLE', { path: 'id' });
  if (user.role !== 'admin' && user.role !== 'system' && row.created_by !== user.id) throw new AppError('NOT_OWNER', { path: 'id' });
}

export function createApplication(db: AppDb, user: SessionUser, raw: unknown, now = new Date()): string {
  const input = parseScoreInput(raw);
  const id = newApplicationId(now);
  const at = now.toISOString();
  const c = columnsOf(input);
  db.rawWrite
    .transaction(() => {
      db.rawWrite
        .prepare(
          `INSERT INTO application (id, status, applicant_name, applicant_uscc, district, industry_code, amount_fen, term_months,
             project_id, input, created_by, created_at, updated_at)
           VALUES (@id, 'draft', @applicant_name, @applicant_uscc, @district, @industry_code, @amount_fen, @term_months,
             @project_id, @input, @created_by, @at, @at)`,
        )
        .run({ id, ...c, input: JSON.stringify(input), created_by: user.id, at });
      db.rawWrite
        .prepare("INSERT INTO application_transition (application_id, action, from_status, to_status, actor_id, reason, at) VALUES (?, 'create', NULL, 'draft', ?, '', ?)")
        .run(id, user.id, at);
      recordChanged(db.rawWrite, 'application', id, now);
    })
    .immediate();
  return id;
}

export function updateApplication(db: AppDb, user: SessionUser, id: string, raw: unknown, now = new Date()): void {
  const input = parseScoreInput(raw);
  db.rawWrite
    .transaction(() => {
      assertEditable(load(db, id), user);
      db.rawWrite
        .prepare(
          `UPDATE application SET applicant_name = @applicant_name, applicant_uscc = @applicant_uscc, district = @district,
             industry_code = @industry_code, amount_fen = @amount_fen, term_months = @term_months, project_id = @project_id,
             input = @input, updated_at = @at WHERE id = @id`,
        )
        .run({ id, ...columnsOf(input), input: JSON.stringify(input), at: now.toISOString() });
      recordChanged(db.rawWrite, 'application', id, now);
    })
    .immediate();
}

export interface SavedScore {
  id: number;
  modelId: string;
  inputHash: string;
  input: ScoreInput;
  result: ScoreResult;
  projectId: string | null;
  projectVersion: number | null;
  createdBy: string;
  createdAt: string;
}

/** Scores the draft's current input with the active model and saves a new immutable score. */
export function scoreApplication(db: AppDb, user: SessionUser, id: string, now = new Date()): SavedScore {
  return db.rawWrite
    .transaction((): SavedScore => {
      const row = load(db, id);
      assertEditable(row, user);
      const s = scoreWithLibrary(db, JSON.parse(row.input));
      const projectVersion = s.project?.found ? s.project.libraryVersion : null;
      const at = now.toISOString();
      const scoreId = Number(
        db.rawWrite
          .prepare(
            `INSERT INTO score (application_id, model_id, input, input_hash, result, score, band, eligible, final_rate_bps,
               project_id, project_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, s.model.id, JSON.stringify(s.input), s.inputHash, JSON.stringify(s.result), s.result.score, s.result.band,
            s.result.eligible ? 1 : 0, s.result.pricing?.finalRateBps ?? null, s.input.loan.projectId ?? null, projectVersion, user.id, at).lastInsertRowid,
      );
      db.rawWrite
        .prepare('UPDATE application SET latest_score_id = ?, project_version = ?, updated_at = ? WHERE id = ?')
        .run(scoreId, projectVersion, at, id);
      recordChanged(db.rawWrite, 'application', id, now);
      return { id: scoreId, modelId: s.model.id, inputHash: s.inputHash, input: s.input, result: s.result, projectId: s.input.loan.projectId ?? null, projectVersion, createdBy: user.displayName, createdAt: at };
    })
    .immediate();
}

/** Takes a lifecycle step if the rules allow it; the audit trail records who, when and why. */
export function transitionApplication(db: AppDb, user: SessionUser, id: string, action: ApplicationAction, reason: string, now = new Date()): ApplicationStatus {
  if (user.role === 'system') throw new AppError('ROLE_NOT_ALLOWED', { params: { role: user.role } });
  return db.rawWrite
    .transaction((): ApplicationStatus => {
      const row = load(db, id);
      const makers = db.rawWrite
        .prepare("SELECT DISTINCT actor_id FROM application_transition WHERE application_id = ? AND action IN ('create', 'submit')")
        .pluck()
        .all(id) as number[];
      const latest = row.latest_score_id === null ? null : (db.rawWrite.prepare('SELECT eligible FROM score WHERE id = ?').get(row.latest_score_id) as { eligible: number });
      const problem = transitionProblem({
        action,
        status: row.status,
        actor: { id: user.id, role: user.role as Role },
        makers: [row.created_by, ...makers],
        reason,
        latestScore: latest ? { eligible: latest.eligible === 1 } : null,
      });
      if (problem) {
        throw new AppError(problem, { path: problem === 'REASON_REQUIRED' ? 'reason' : 'action', params: { status: row.status, action, role: user.role } });
      }
      const to = TRANSITIONS[action].to;
      const at = now.toISOString();
      db.rawWrite.prepare('UPDATE application SET status = ?, updated_at = ? WHERE id = ?').run(to, at, id);
      db.rawWrite
        .prepare('INSERT INTO application_transition (application_id, action, from_status, to_status, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, action, row.status, to, user.id, reason.trim(), at);
      recordChanged(db.rawWrite, 'application', id, now);
      return to;
    })
    .immediate();
}

const SUMMARY_SQL = `
  SELECT a.id, a.status, a.applicant_name, a.applicant_uscc, a.district, a.amount_fen, a.term_months, a.project_id,
         s.score, s.band, s.final_rate_bps, u.display_name AS created_by_name, a.created_at, a.updated_at
  FROM application a
  LEFT JOIN score s ON s.id = a.latest_score_id
  JOIN user u ON u.id = a.created_by`;

interface SummaryRow {
  id: string; status: ApplicationStatus; applicant_name: string; applicant_uscc: string; district: string; amount_fen: number;
  term_months: number; project_id: string | null; score: number | null; band: string | null; final_rate_bps: number | null;
  created_by_name: string; created_at: string; updated_at: string;
}

function summaryOf(r: SummaryRow) {
  return {
    id: r.id, status: r.status, applicantName: r.applicant_name, applicantUscc: r.applicant_uscc, district: r.district,
    amountFen: r.amount_fen, termMonths: r.term_months, projectId: r.project_id, score: r.score, band: r.band,
    finalRateBps: r.final_rate_bps, createdBy: r.created_by_name, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export interface ApplicationQuery {
  status?: ApplicationStatus | undefined;
  queue: 'all' | 'mine' | 'approvals';
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export function listApplications(db: AppDb, user: SessionUser, q: ApplicationQuery) {
  const where: string[] = [];
  const params: Record<string, unknown> = { me: user.id };
  if (q.status) {
    where.push('a.status = @status');
    params.status = q.status;
  }
  if (q.queue === 'mine') where.push('a.created_by = @me');
  if (q.queue === 'approvals') {
    where.push("a.status = 'submitted' AND a.created_by <> @me");
    where.push("NOT EXISTS (SELECT 1 FROM application_transition t WHERE t.application_id = a.id AND t.action = 'submit' AND t.actor_id = @me)");
  }
  const text = q.q?.trim();
  if (text) {
    where.push("(a.applicant_name LIKE @like ESCAPE '\\' OR a.applicant_uscc LIKE @like ESCAPE '\\' OR a.id LIKE @like ESCAPE '\\' OR a.project_id LIKE @like ESCAPE '\\')");
    params.like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = db.rawRead.prepare(`SELECT count(*) FROM application a${clause}`).pluck().get(params) as number;
  const rows = db.rawRead
    .prepare(`${SUMMARY_SQL}${clause} ORDER BY a.updated_at DESC, a.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as SummaryRow[];
  const counts = Object.fromEntries(
    (db.rawRead.prepare('SELECT status, count(*) AS n FROM application GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  );
  return { total, items: rows.map(summaryOf), counts };
}

export function getApplication(db: AppDb, user: SessionUser, id: string) {
  const row = db.rawRead.prepare(`${SUMMARY_SQL} WHERE a.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', { path: 'id', params: { what: id } });
  const input = JSON.parse((db.rawRead.prepare('SELECT input FROM application WHERE id = ?').get(id) as { input: string }).input) as ScoreInput;
  const scores = (
    db.rawRead
      .prepare(
        `SELECT s.id, s.model_id, s.input_hash, s.input, s.result, s.project_id, s.project_version, u.display_name, s.created_at
         FROM score s JOIN user u ON u.id = s.created_by WHERE s.application_id = ? ORDER BY s.id DESC`,
      )
      .all(id) as { id: number; model_id: string; input_hash: string; input: string; result: string; project_id: string | null; project_version: number | null; display_name: string; created_at: string }[]
  ).map((s) => ({
    id: s.id, modelId: s.model_id, inputHash: s.input_hash, input: JSON.parse(s.input) as ScoreInput, result: JSON.parse(s.result) as ScoreResult,
    projectId: s.project_id, projectVersion: s.project_version, createdBy: s.display_name, createdAt: s.created_at,
  }));
  const transitions = (
    db.rawRead
      .prepare(
        `SELECT t.action, t.from_status, t.to_status, t.reason, t.at, u.id AS uid, u.display_name, u.role
         FROM application_transition t JOIN user u ON u.id = t.actor_id WHERE t.application_id = ? ORDER BY t.id`,
      )
      .all(id) as { action: string; from_status: string | null; to_status: string; reason: string; at: string; uid: number; display_name: string; role: Role | 'system' }[]
  ).map((t) => ({ action: t.action, fromStatus: t.from_status, toStatus: t.to_status, reason: t.reason, at: t.at, actor: { id: t.uid, displayName: t.display_name, role: t.role } }));
  const actions = user.role === 'system' ? [] : availableActions(row.status, user.role);
  return { ...summaryOf(row), input, scores, transitions, actions };
}
