/** The default scoring model shipped with the app, validated at load like any other model document. */
import raw from '../../resources/models/jm-green-2026.1.json' with { type: 'json' };
import { AppError } from '../errors.js';
import { scoringModelSchema, type ScoringModel } from './model.js';

/** Validates a model document (from a file or the hub); a broken one is refused with MODEL_INVALID and the field. */
export function loadScoringModel(doc: unknown): ScoringModel {
  const r = scoringModelSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new AppError('MODEL_INVALID', { path, params: { detail: `${path}: ${issue?.message ?? ''}` } });
  }
  return r.data;
}

export const DEFAULT_SCORING_MODEL: ScoringModel = loadScoringModel(raw);
