/** Fixtures for the 授信申请 renderer tests: a complete score input, its saved score, summaries and details. */
import type { Output } from '../../shared/contract/methods.js';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import { scoreApplicant } from '../../shared/scoring/engine.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { APPROVER, OFFICER } from './fake-client.js';

export const MODEL_ANSWER: Output<'models.scoring'> = { active: DEFAULT_SCORING_MODEL, ids: [DEFAULT_SCORING_MODEL.id] };

/** 79 points, band B, 3.20% (no linked project): carbon 35, waste 16, blue 18, green category 10. */
export const GOOD_INPUT: ScoreInput = {
  asOf: '2026-11-22',
  applicant: { name: '江门市绿能再生资源有限公司', uscc: '91440705MA5GD2026E', district: '新会区', industryCode: 'C4220' },
  loan: { amountYuan: 30_000_000, termMonths: 36, riskSpreadBps: 45, greenCategory: 'resource_recycling' },
  carbon: { intensity: 0.45, industryAverage: 0.8, previousIntensity: 0.5, dataQuality: 2 },
  waste: { generatedT: 1000, utilizedT: 700 },
  envCredit: { rating: 'blue', year: 2025 },
};

export const APP_ID = 'GA-20261122-AB12CD';

export function savedScore(input: ScoreInput = GOOD_INPUT, id = 1): Output<'applications.score'> {
  return {
    id,
    modelId: DEFAULT_SCORING_MODEL.id,
    inputHash: 'a'.repeat(64),
    input,
    result: scoreApplicant(input, DEFAULT_SCORING_MODEL, null),
    projectId: null,
    projectVersion: null,
    createdBy: OFFICER.displayName,
    createdAt: '2026-11-22T02:00:00.000Z',
  };
}

export function summary(over: Partial<Output<'applications.list'>['items'][number]> = {}): Output<'applications.list'>['items'][number] {
  return {
    id: APP_ID,
    status: 'submitted',
    applicantName: GOOD_INPUT.applicant.name,
    applicantUscc: GOOD_INPUT.applicant.uscc,
    district: '新会区',
    amountFen: 3_000_000_000,
    termMonths: 36,
    projectId: null,
    score: 79,
    band: 'B',
    finalRateBps: 320,
    createdBy: OFFICER.displayName,
    createdAt: '2026-11-22T01:00:00.000Z',
    updatedAt: '2026-11-22T02:10:00.000Z',
    ...over,
  };
}

export function detail(over: Partial<Output<'applications.get'>> = {}): Output<'applications.get'> {
  const officer = { id: OFFICER.id, displayName: OFFICER.displayName, role: OFFICER.role };
  return {
    ...summary(),
    input: GOOD_INPUT,
    scores: [savedScore()],
    transitions: [
      { action: 'create', fromStatus: null, toStatus: 'draft', actor: officer, reason: '', at: '2026-11-22T01:00:00.000Z' },
      { action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actor: officer, reason: '', at: '2026-11-22T02:10:00.000Z' },
    ],
    actions: ['approve', 'reject'],
    ...over,
  };
}

export { APPROVER, OFFICER };
