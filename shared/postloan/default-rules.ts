/** The default post-loan rules shipped with the app, validated at load like any other rules document. */
import raw from '../../resources/models/jm-postloan-2026.1.json' with { type: 'json' };
import { AppError } from '../errors.js';
import { postloanRulesSchema, type PostloanRules } from './rules.js';

export function loadPostloanRules(doc: unknown): PostloanRules {
  const r = postloanRulesSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new AppError('MODEL_INVALID', { path, params: { detail: `${path}: ${issue?.message ?? ''}` } });
  }
  return r.data;
}

export const DEFAULT_POSTLOAN_RULES: PostloanRules = loadPostloanRules(raw);
