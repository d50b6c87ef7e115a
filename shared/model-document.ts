/**
 * A model document of either kind — a scoring model (greendesk.scoring-model.v1) or post-loan rules
 * (greendesk.postloan-rules.v1) — told apart by its format and validated as the app loads it. One reader for the
 * hub's publish, a device's pull and a bank's own `greendesk model add`.
 */
import { AppError } from './errors.js';
import { loadPostloanRules } from './postloan/default-rules.js';
import { POSTLOAN_RULES_FORMAT, type PostloanRules } from './postloan/rules.js';
import { loadScoringModel } from './scoring/default-model.js';
import type { ScoringModel } from './scoring/model.js';

export const SCORING_MODEL_FORMAT = 'greendesk.scoring-model.v1';

export type ModelDocument = { kind: 'scoring'; id: string; model: ScoringModel } | { kind: 'postloan'; id: string; model: PostloanRules };

export function readModelDocument(doc: unknown): ModelDocument {
  const format = doc && typeof doc === 'object' ? (doc as { format?: unknown }).format : undefined;
  if (format === SCORING_MODEL_FORMAT) {
    const model = loadScoringModel(doc);
    return { kind: 'scoring', id: model.id, model };
  }
  if (format === POSTLOAN_RULES_FORMAT) {
    const model = loadPostloanRules(doc);
    return { kind: 'postloan', id: model.id, model };
  }
  throw new AppError('MODEL_KIND_UNKNOWN', { path: 'format', params: { found: String(format ?? '').slice(0, 60) } });
}
