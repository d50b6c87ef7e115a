/**
 * Scoring against the local library: the active model (the shipped default, or a version the bank added), the
 * linked project resolved in the local copy, and a hash of the input for the saved record.
 */
import { canonicalHash } from '../../src-node/signing.js';
import type { ProjectStatus } from '../../shared/domain/jiangmen.js';
import { DEFAULT_SCORING_MODEL, loadScoringModel } from '../../shared/scoring/default-model.js';
import { scoreApplicant, type LinkedProject, type ScoreResult } from '../../shared/scoring/engine.js';
import { scoreInputSchema, type ScoreInput } from '../../shared/scoring/input.js';
import type { ScoringModel } from '../../shared/scoring/model.js';
import type { AppDb } from '../db/open.js';
import { validationError } from '../api/dispatch.js';

/** Every scoring model this database knows: the default and the versions the bank added, by id. */
export function scoringModels(db: AppDb): Map<string, ScoringModel> {
  const models = new Map<string, ScoringModel>([[DEFAULT_SCORING_MODEL.id, DEFAULT_SCORING_MODEL]]);
  const rows = db.rawRead.prepare("SELECT id, document FROM model_document WHERE kind = 'scoring' ORDER BY added_at").all() as { id: string; document: string }[];
  for (const r of rows) models.set(r.id, loadScoringModel(JSON.parse(r.document)));
  return models;
}

/** The model new scores use: the setting `scoring.activeModel` when it names a known model, else the default. */
export function activeScoringModel(db: AppDb): ScoringModel {
  const models = scoringModels(db);
  const chosen = db.rawRead.prepare("SELECT value FROM setting WHERE key = 'scoring.activeModel'").pluck().get() as string | undefined;
  return (chosen && models.get(chosen)) || DEFAULT_SCORING_MODEL;
}

export function linkedProject(db: AppDb, projectId: string | undefined): LinkedProject | null {
  if (!projectId) return null;
  const row = db.rawRead.prepare('SELECT name, status, library_version FROM project WHERE id = ?').get(projectId) as
    | { name: string; status: ProjectStatus; library_version: number }
    | undefined;
  return row ? { found: true, name: row.name, status: row.status, libraryVersion: row.library_version } : { found: false };
}

/** A score input as received: validated, or a VALIDATION error naming the field. */
export function parseScoreInput(raw: unknown): ScoreInput {
  const r = scoreInputSchema.safeParse(raw);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

export function inputHash(input: ScoreInput): string {
  return canonicalHash(input);
}

export interface Scored {
  input: ScoreInput;
  inputHash: string;
  model: ScoringModel;
  project: LinkedProject | null;
  result: ScoreResult;
}

export function scoreWithLibrary(db: AppDb, raw: unknown, model: ScoringModel = activeScoringModel(db)): Scored {
  const input = parseScoreInput(raw);
  const project = linkedProject(db, input.loan.projectId);
  return { input, inputHash: inputHash(input), model, project, result: scoreApplicant(input, model, project) };
}
