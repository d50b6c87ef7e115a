/**
 * What the hub checks in a pushed record before it keeps it, beyond its shape: the inputs hash to what the
 * device says; every score is what its model yields for its input (the hub recomputes it with the shipped or a
 * published model) and the linked project the device saw is the hub's project at that version, where the hub
 * holds that version; an application's audit trail follows the one transition map, with maker-checker.
 * A failure is an AppError with a stable code: the entry is rejected with it, and the device shows it.
 */
import type { Kysely } from 'kysely';
import type { ZodError } from 'zod';
import { TRANSITIONS, type ApplicationAction } from '../../shared/applications/lifecycle.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { checkInputSchema } from '../../shared/postloan/input.js';
import { DEFAULT_SCORING_MODEL, loadScoringModel } from '../../shared/scoring/default-model.js';
import { scoreApplicant } from '../../shared/scoring/engine.js';
import { scoreInputSchema } from '../../shared/scoring/input.js';
import type { ScoringModel } from '../../shared/scoring/model.js';
import { scoreResultSchema } from '../../shared/scoring/result-schema.js';
import { RECORD_SCHEMAS, type ApplicationRecord, type CheckRecord, type RecordKind } from '../../shared/sync/records.js';
import { canonicalHash } from '../../src-node/signing.js';
import type { HubDatabase } from '../db/schema.js';
import { hubModelDocument } from './models.js';

export function invalid(error: ZodError, prefix: string): AppError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path.map(String) ?? [])].filter(Boolean).join('.');
  return new AppError('ENTRY_INVALID', { path, params: { detail: `${path}: ${issue?.message ?? 'invalid'}`.slice(0, 300) } });
}

export interface Verified {
  state: unknown;
  /** Whether every score could be recomputed (false: some linked project version is unknown to the hub). */
  verified: boolean;
}

async function scoringModel(db: Kysely<HubDatabase>, id: string, cache: Map<string, ScoringModel | null>): Promise<ScoringModel | null> {
  if (id === DEFAULT_SCORING_MODEL.id) return DEFAULT_SCORING_MODEL;
  if (!cache.has(id)) {
    const doc = await hubModelDocument(db, id);
    cache.set(id, doc ? loadScoringModel(doc) : null);
  }
  return cache.get(id) ?? null;
}

function checkTrail(rec: ApplicationRecord): void {
  const bad = (detail: string) => new AppError('BAD_LIFECYCLE', { path: 'transitions', params: { detail } });
  const [first, ...rest] = rec.transitions;
  if (!first || first.action !== 'create' || first.fromStatus !== null || first.toStatus !== 'draft') throw bad('the first step must be create → draft');
  const makers = new Set([rec.createdBy.username, first.actor.username]);
  let status: string = first.toStatus;
  for (const t of rest) {
    if (t.action === 'create') throw bad('create twice');
    const rule = TRANSITIONS[t.action as ApplicationAction];
    if (t.fromStatus !== status || rule.from !== status || rule.to !== t.toStatus) throw bad(`${t.action}: ${t.fromStatus} → ${t.toStatus} after ${status}`);
    if (!(rule.roles as readonly string[]).includes(t.actor.role)) throw bad(`${t.action} by role ${t.actor.role}`);
    if (rule.checker && makers.has(t.actor.username)) throw new AppError('MAKER_CHECKER', { path: 'transitions' });
    if (t.action === 'submit') makers.add(t.actor.username);
    status = t.toStatus;
  }
  if (status !== rec.status) throw bad(`status ${rec.status} but the trail ends at ${status}`);
}

async function verifyApplication(db: Kysely<HubDatabase>, rec: ApplicationRecord): Promise<Verified> {
  const input = scoreInputSchema.safeParse(rec.input);
  if (!input.success) throw invalid(input.error, 'input');
  checkTrail(rec);
  const models = new Map<string, ScoringModel | null>();
  let verified = true;
  for (const [i, s] of rec.scores.entries()) {
    const sIn = scoreInputSchema.safeParse(s.input);
    if (!sIn.success) throw invalid(sIn.error, `scores.${i}.input`);
    if (canonicalHash(sIn.data) !== s.inputHash) throw new AppError('INPUT_HASH_MISMATCH', { path: `scores.${i}.inputHash`, params: { what: `#${s.id}` } });
    const result = scoreResultSchema.safeParse(s.result);
    if (!result.success) throw invalid(result.error, `scores.${i}.result`);
    const model = await scoringModel(db, s.modelId, models);
    if (!model) throw new AppError('UNKNOWN_MODEL', { path: `scores.${i}.modelId`, params: { model: s.modelId } });
    if (s.project?.found) {
      const row = await db.selectFrom('hubProjectVersion').select('data').where('projectId', '=', s.projectId ?? '').where('version', '=', s.project.libraryVersion).executeTakeFirst();
      if (!row) verified = false;
      else {
        const p = JSON.parse(row.data) as { name: string; status: string };
        if (p.name !== s.project.name || p.status !== s.project.status) {
          throw new AppError('SCORE_MISMATCH', { path: `scores.${i}.project`, params: { model: s.modelId, score: s.id } });
        }
      }
    }
    const again = scoreApplicant(sIn.data, model, s.project);
    if (canonicalJson(again) !== canonicalJson(s.result)) throw new AppError('SCORE_MISMATCH', { path: `scores.${i}.result`, params: { model: s.modelId, score: s.id } });
  }
  return { state: rec, verified };
}

function verifyCheck(rec: CheckRecord): Verified {
  const input = checkInputSchema.safeParse(rec.input);
  if (!input.success) throw invalid(input.error, 'input');
  if (canonicalHash(input.data) !== rec.inputHash) throw new AppError('INPUT_HASH_MISMATCH', { path: 'inputHash', params: { what: `CK-${rec.id}` } });
  const verdict = (rec.result as { verdict?: unknown } | null)?.verdict;
  if (verdict !== rec.verdict) throw new AppError('ENTRY_INVALID', { path: 'verdict', params: { detail: 'verdict differs from the result' } });
  // The post-loan result also depends on other loans' invoices in the device's database: not recomputed here.
  return { state: rec, verified: false };
}

/** Validates a pushed record of a kind; throws the reason for rejecting it. */
export async function verifyRecord(db: Kysely<HubDatabase>, kind: RecordKind, entityId: string, payload: unknown): Promise<Verified> {
  const parsed = RECORD_SCHEMAS[kind].safeParse(payload);
  if (!parsed.success) throw invalid(parsed.error, '');
  const rec = parsed.data;
  const ownId = kind === 'check' ? `CK-${(rec as CheckRecord).id}` : (rec as { id: string }).id;
  if (ownId !== entityId) throw new AppError('ENTRY_INVALID', { path: 'entityId', params: { detail: `entityId ${entityId} ≠ ${ownId}` } });
  if (kind === 'application') return verifyApplication(db, rec as ApplicationRecord);
  if (kind === 'check') return verifyCheck(rec as CheckRecord);
  return { state: rec, verified: true };
}
