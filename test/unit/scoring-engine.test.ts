// The default model jm-green-2026.1 exactly as DOMAIN.md defines it: every factor boundary, block, cap, the floor and CERF.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL as M, loadScoringModel } from '../../shared/scoring/default-model.js';
import { scoreApplicant, type LinkedProject } from '../../shared/scoring/engine.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { uscc } from '../helpers/projects.js';

const base: ScoreInput = {
  asOf: '2026-11-22',
  applicant: { name: '江门市五邑环保科技有限公司', uscc: uscc(1), district: '新会区', industryCode: 'C4220' },
  loan: { amountYuan: 50_000_000, termMonths: 36, riskSpreadBps: 45 },
};
const listed: LinkedProject = { found: true, status: 'listed', name: '示范项目', libraryVersion: 42 };
const withInput = (over: Partial<ScoreInput>): ScoreInput => ({ ...base, ...over });
const factor = (input: ScoreInput, code: string, project: LinkedProject | null = null) =>
  scoreApplicant(input, M, project).factors.find((f) => f.code === code)!;

describe('A1 — carbon grade by K = intensity ÷ industry average', () => {
  it.each([
    [0.3, 1, 25], [0.6, 1, 25], [0.9, 1.5, 25], [0.6001, 1, 20], [0.8, 1, 20], [0.8001, 1, 14], [1.2, 1, 14],
    [1.2001, 1, 7], [2, 1, 7], [2.0001, 1, 2], [9, 1, 2], [0, 1, 25],
  ])('intensity %f / average %f → %i', (intensity, industryAverage, points) => {
    const f = factor(withInput({ carbon: { intensity, industryAverage, dataQuality: 1 } }), 'A1');
    expect([f.points, f.max]).toEqual([points, 25]);
    expect(f.detail).toMatch(/碳效等级/);
  });
  it.each([
    ['no carbon block', undefined],
    ['no intensity', { industryAverage: 1, dataQuality: 2 }],
    ['no industry average', { intensity: 1, dataQuality: 2 }],
    ['a zero industry average', { intensity: 1, industryAverage: 0, dataQuality: 2 }],
  ])('%s → 0', (_n, carbon) => {
    expect(factor(withInput({ carbon: carbon as ScoreInput['carbon'] }), 'A1').points).toBe(0);
  });
});

describe('A2 — year-on-year change of intensity', () => {
  it.each([
    [0.5, 1, 10], [0.95, 1, 10], [0.9501, 1, 6], [1, 1, 6], [1.0001, 1, 0], [2, 1, 0], [0.19, 0.2, 10], [0.1901, 0.2, 6],
  ])('intensity %f vs previous %f → %i', (intensity, previousIntensity, points) => {
    expect(factor(withInput({ carbon: { intensity, previousIntensity, dataQuality: 1 } }), 'A2').points).toBe(points);
  });
  it('no previous value → 0', () => {
    expect(factor(withInput({ carbon: { intensity: 1, dataQuality: 1 } }), 'A2').points).toBe(0);
  });
});

describe('B — solid waste', () => {
  const waste = (w: NonNullable<ScoreInput['waste']>) => withInput({ waste: w });
  it.each([
    [1000, 800, 0, 12], [1000, 1000, 0, 12], [1000, 799, 0, 8], [1000, 600, 0, 8], [1000, 599, 0, 3], [1000, 0, 0, 3],
    [900, 800, 100, 12], [900, 799, 100, 8], [700, 600, 300, 8], [700, 599, 300, 3],
  ])('B1: generated %i, utilised %i, stockpile utilised %i → %i', (generatedT, utilizedT, stockpileUtilizedT, points) => {
    expect(factor(waste({ generatedT, utilizedT, stockpileUtilizedT }), 'B1').points).toBe(points);
  });
  it('B1: no data → 0; a model benchmark per industry prefix applies', () => {
    expect(factor(waste({ utilizedT: 5 }), 'B1').points).toBe(0);
    expect(factor(waste({ generatedT: 0, utilizedT: 0 }), 'B1').points).toBe(0);
    const m = loadScoringModel({ ...M, waste: { ...M.waste, utilisation: { ...M.waste.utilisation, benchmarks: [{ prefix: 'C42', pct: 90 }] } } });
    expect(scoreApplicant(waste({ generatedT: 100, utilizedT: 80 }), m).factors.find((f) => f.code === 'B1')!.points).toBe(3);
  });
  it.each([
    ['no hazardous entry', undefined, 8, false],
    ['0 t generated', { generatedT: 0, licensedDisposal: false, manifestsComplete: false, ledgerComplete: false }, 8, false],
    ['licensed, complete', { generatedT: 5, licensedDisposal: true, manifestsComplete: true, ledgerComplete: true }, 8, false],
    ['licensed, manifests incomplete', { generatedT: 5, licensedDisposal: true, manifestsComplete: false, ledgerComplete: true }, 4, false],
    ['licensed, ledger incomplete', { generatedT: 5, licensedDisposal: true, manifestsComplete: true, ledgerComplete: false }, 4, false],
    ['unlicensed', { generatedT: 5, licensedDisposal: false, manifestsComplete: true, ledgerComplete: true }, 0, true],
  ])('B2: %s → %i', (_n, hazardous, points, blocked) => {
    const r = scoreApplicant(waste({ generatedT: 10, utilizedT: 10, ...(hazardous ? { hazardous } : {}) }), M);
    expect(r.factors.find((f) => f.code === 'B2')!.points).toBe(points);
    expect(r.blocks.includes('UNLICENSED_HAZARDOUS_WASTE')).toBe(blocked);
  });
  it.each([
    [0.05, 0.06, 5], [0.06, 0.06, 0], [0.07, 0.06, 0], [0.05, undefined, 0], [undefined, 0.06, 0],
  ])('B3: intensity %s vs previous %s → %i', (intensity, previousIntensity, points) => {
    const w: NonNullable<ScoreInput['waste']> = {};
    if (intensity !== undefined) w.intensity = intensity;
    if (previousIntensity !== undefined) w.previousIntensity = previousIntensity;
    expect(factor(waste(w), 'B3').points).toBe(points);
  });
  it('no waste data at all → the whole dimension is 0', () => {
    const r = scoreApplicant(base, M);
    expect(r.dimensions.waste).toBe(0);
    expect(r.factors.filter((f) => f.code.startsWith('B')).map((f) => f.points)).toEqual([0, 0, 0]);
  });
});

describe('C — environmental credit and D — project match', () => {
  it.each([['green', 25], ['blue', 18], ['yellow', 8], ['red', 0], ['unrated', 12]] as const)('%s → %i', (rating, points) => {
    expect(factor(withInput({ envCredit: { rating } }), 'C').points).toBe(points);
  });
  it('no rating given → unrated 12', () => expect(factor(base, 'C').points).toBe(12));

  const loan = (over: Partial<ScoreInput['loan']>) => ({ ...base.loan, ...over });
  it('a listed project → 15, a withdrawn or unknown one falls through to the category (10)', () => {
    const cat = withInput({ loan: loan({ projectId: 'JM-GP-2024-00001', greenCategory: 'resource_recycling' }) });
    expect(factor(cat, 'D', listed).points).toBe(15);
    expect(factor(cat, 'D', { ...listed, status: 'withdrawn' }).points).toBe(10);
    const unknown = factor(cat, 'D', { found: false });
    expect(unknown.points).toBe(10);
    expect(unknown.detail).toContain('不在本地项目库');
    expect(factor(cat, 'D', { ...listed, status: 'in_operation' }).points).toBe(15);
  });
  it('a project counts only when the loan names it', () => {
    expect(factor(base, 'D', listed).points).toBe(0);
  });
  it('high-carbon with a KPI plan → 6; without → 0; not high-carbon with a plan → 0', () => {
    const plan = { kpis: [{ name: '单位产值碳排放下降', target: '-8%', due: '2027-12-31' }] };
    const ceramic = { ...base.applicant, industryCode: 'C3071' };
    expect(factor(withInput({ applicant: ceramic, transitionPlan: plan }), 'D').points).toBe(6);
    expect(factor(withInput({ applicant: ceramic, transitionPlan: { kpis: [] } }), 'D').points).toBe(0);
    expect(factor(withInput({ applicant: ceramic }), 'D').points).toBe(0);
    expect(factor(withInput({ transitionPlan: plan }), 'D').points).toBe(0);
  });
});

/** An input whose factors take the given points (no blocks: B2 ≥ 4, C ≥ 8), data quality 1, not high-carbon unless D = 6. */
function inputFor(p: { A1: number; A2: number; B1: number; B2: number; B3: number; C: number; D: number }): ScoreInput {
  const k = { 25: 0.5, 20: 0.7, 14: 1, 7: 1.5, 2: 3, 0: undefined }[p.A1 as 25];
  const prev = { 10: 2, 6: 1, 0: 0.1 }[p.A2 as 10];
  const intensity = k ?? 1;
  const carbon: ScoreInput['carbon'] = { dataQuality: 1, intensity, ...(k !== undefined ? { industryAverage: 1 } : {}), ...(prev !== undefined ? { previousIntensity: p.A2 === 10 ? intensity * 2 : p.A2 === 6 ? intensity : intensity / 2 } : {}) };
  const util = { 12: 90, 8: 70, 3: 10, 0: undefined }[p.B1 as 12];
  const waste: ScoreInput['waste'] = {
    ...(util !== undefined ? { generatedT: 100, utilizedT: util } : {}),
    hazardous: { generatedT: 1, licensedDisposal: true, manifestsComplete: true, ledgerComplete: p.B2 === 8 },
    ...(p.B3 === 5 ? { intensity: 1, previousIntensity: 2 } : {}),
  };
  const rating = ({ 25: 'green', 18: 'blue', 12: 'unrated', 8: 'yellow' } as const)[p.C as 25];
  return {
    ...base,
    applicant: { ...base.applicant, industryCode: p.D === 6 ? 'C3071' : 'C4220' },
    loan: { ...base.loan, ...(p.D === 10 ? { greenCategory: 'resource_recycling' as const } : {}), ...(p.D === 15 ? { projectId: 'JM-1' } : {}) },
    carbon,
    waste,
    envCredit: { rating },
    ...(p.D === 6 ? { transitionPlan: { kpis: [{ name: 'KPI', target: '-5%', due: '2027-12-31' }] } } : {}),
  };
}

/** Some factor combination with exactly this sum. */
function combo(target: number) {
  for (const A1 of [25, 20, 14, 7, 2, 0]) for (const A2 of [10, 6, 0]) for (const B1 of [12, 8, 3, 0]) for (const B2 of [8, 4])
    for (const B3 of [5, 0]) for (const C of [25, 18, 12, 8]) for (const D of [15, 10, 6, 0]) {
      if (A1 + A2 + B1 + B2 + B3 + C + D === target) return { A1, A2, B1, B2, B3, C, D };
    }
  throw new Error(`no combination sums to ${target}`);
}

describe('bands by the exact score', () => {
  it.each([[100, 'A'], [85, 'A'], [84, 'B'], [70, 'B'], [69, 'C'], [55, 'C'], [54, 'D'], [40, 'D'], [39, 'E'], [12, 'E']] as const)('%i → %s', (score, band) => {
    const c = combo(score);
    const r = scoreApplicant(inputFor(c), M, c.D === 15 ? listed : null);
    expect(r.score).toBe(score);
    expect(r.factors.map((f) => f.points)).toEqual([c.A1, c.A2, c.B1, c.B2, c.B3, c.C, c.D]);
    expect([r.bandByScore, r.band]).toEqual([band, band]);
    expect(r.eligible).toBe(band !== 'E');
    expect(r.creditLineFactor).toBe({ A: 1.2, B: 1.1, C: 1.0, D: 0.9, E: 0 }[band]);
    expect(r.pricing === null).toBe(band === 'E');
  });
});

describe('blocks', () => {
  const top = inputFor(combo(100));
  const violations = (v: NonNullable<ScoreInput['violations']>) => ({ ...top, violations: v });
  it.each([
    ['red card', { ...top, envCredit: { rating: 'red' as const } }, 'ENV_CREDIT_RED'],
    ['production halt exactly 12 months ago', violations([{ date: '2025-11-22', kind: 'production_halt' }]), 'RECENT_SERIOUS_VIOLATION'],
    ['police referral yesterday', violations([{ date: '2026-11-21', kind: 'police_referral' }]), 'RECENT_SERIOUS_VIOLATION'],
    ['a fine of exactly 50,000 yuan', violations([{ date: '2026-03-01', kind: 'fine', amountYuan: 50_000 }]), 'RECENT_SERIOUS_VIOLATION'],
    ['building before approval 36 months ago to the day', violations([{ date: '2023-11-22', kind: 'build_before_approval' }]), 'APPROVAL_VIOLATION'],
    ['operating before acceptance', violations([{ date: '2025-01-01', kind: 'operate_before_acceptance' }]), 'APPROVAL_VIOLATION'],
    ['unlicensed hazardous waste', { ...top, waste: { ...top.waste, hazardous: { generatedT: 3, licensedDisposal: false, manifestsComplete: true, ledgerComplete: true } } }, 'UNLICENSED_HAZARDOUS_WASTE'],
  ])('%s → %s: band E, not eligible, no price, whatever the score', (_n, input, code) => {
    const r = scoreApplicant(input, M, listed);
    expect(r.blocks).toContain(code);
    expect([r.band, r.eligible, r.pricing, r.creditLineFactor]).toEqual(['E', false, null, 0]);
    expect(r.explanations.find((e) => e.code === code)?.detail.length).toBeGreaterThan(4);
  });
  it.each([
    ['a production halt 12 months and a day ago', [{ date: '2025-11-21', kind: 'production_halt' }]],
    ['a fine of 49,999.99 yuan', [{ date: '2026-03-01', kind: 'fine', amountYuan: 49_999.99 }]],
    ['a fine with no amount', [{ date: '2026-03-01', kind: 'fine' }]],
    ['an approval violation 36 months and a day ago', [{ date: '2023-11-21', kind: 'build_before_approval' }]],
    ['a violation dated after the as-of date', [{ date: '2026-11-23', kind: 'production_halt' }]],
  ] as const)('%s does not block', (_n, v) => {
    expect(scoreApplicant(violations([...v]), M).blocks).toEqual([]);
  });
  it('29 February counts back to 28 February', () => {
    const leap = { ...top, asOf: '2028-02-29', violations: [{ date: '2027-02-28', kind: 'production_halt' as const }] };
    expect(scoreApplicant(leap, M).blocks).toEqual(['RECENT_SERIOUS_VIOLATION']);
    expect(scoreApplicant({ ...leap, violations: [{ date: '2027-02-27', kind: 'production_halt' as const }] }, M).blocks).toEqual([]);
  });
  it('the negative list is empty by default and blocks by prefix when a bank fills it', () => {
    expect(scoreApplicant(top, M).blocks).toEqual([]);
    const m = loadScoringModel({ ...M, negativeListPrefixes: ['C42'] });
    expect(scoreApplicant(top, m).blocks).toEqual(['NEGATIVE_LIST_INDUSTRY']);
  });
  it('several blocks are all reported', () => {
    const r = scoreApplicant({ ...top, envCredit: { rating: 'red' }, violations: [{ date: '2026-01-01', kind: 'production_halt' }] }, M);
    expect(r.blocks).toEqual(['ENV_CREDIT_RED', 'RECENT_SERIOUS_VIOLATION']);
  });
});

describe('caps', () => {
  const top = inputFor(combo(95));
  it('high-carbon without a KPI plan: at most C; a plan lifts the cap (no 一刀切)', () => {
    const ceramic = { ...top, applicant: { ...top.applicant, industryCode: 'C3072' } };
    const r = scoreApplicant(ceramic, M);
    expect([r.bandByScore, r.band, r.caps]).toEqual(['A', 'C', ['HIGH_CARBON_NO_PLAN']]);
    expect(r.pricing?.bandAdjustmentBps).toBe(-10);
    const planned = scoreApplicant({ ...ceramic, transitionPlan: { kpis: [{ name: '能耗下降', target: '-5%', due: '2027-06-30' }] } }, M);
    expect([planned.band, planned.caps]).toEqual(['A', []]);
  });
  it.each([['D44', true], ['D4415', true], ['C2211', true], ['C1713', true], ['C3982', true], ['C3360', true], ['C3011', true], ['C3021', false], ['C4220', false]])('%s high-carbon: %s', (code, high) => {
    const r = scoreApplicant({ ...top, applicant: { ...top.applicant, industryCode: code } }, M);
    expect(r.caps.includes('HIGH_CARBON_NO_PLAN')).toBe(high);
  });
  it('data quality 4 → at most B, 5 → at most C, no carbon data counts as 5', () => {
    expect(scoreApplicant({ ...top, carbon: { ...top.carbon!, dataQuality: 4 } }, M)).toMatchObject({ band: 'B', caps: ['DATA_QUALITY_4'] });
    expect(scoreApplicant({ ...top, carbon: { ...top.carbon!, dataQuality: 5 } }, M)).toMatchObject({ band: 'C', caps: ['DATA_QUALITY_5'] });
    const none = scoreApplicant({ ...top, carbon: undefined }, M);
    expect(none.caps).toEqual(['DATA_QUALITY_5']);
    expect(none.explanations.find((e) => e.code === 'DATA_QUALITY_5')!.detail).toContain('未提供碳排放数据');
    expect(scoreApplicant({ ...top, carbon: { ...top.carbon!, dataQuality: 3 } }, M).caps).toEqual([]);
  });
  it('a cap never raises a band, and every cap that holds is listed', () => {
    const low = inputFor(combo(45));
    const r = scoreApplicant({ ...low, applicant: { ...low.applicant, industryCode: 'C2211' }, transitionPlan: undefined, carbon: { ...low.carbon!, dataQuality: 4 } }, M);
    expect(r.band).toBe('D');
    expect(r.caps).toEqual(['HIGH_CARBON_NO_PLAN', 'DATA_QUALITY_4']);
  });
  it('blocks come before caps: a blocked applicant stays E and the caps are still listed', () => {
    const r = scoreApplicant({ ...top, envCredit: { rating: 'red' }, carbon: { ...top.carbon!, dataQuality: 4 } }, M);
    expect([r.band, r.blocks, r.caps]).toEqual(['E', ['ENV_CREDIT_RED'], ['DATA_QUALITY_4']]);
  });
});

describe('pricing', () => {
  const a = inputFor(combo(90));
  it('LPR + risk spread + band adjustment + library adjustment', () => {
    expect(scoreApplicant(a, M).pricing).toEqual({ lprBps: 300, riskSpreadBps: 45, bandAdjustmentBps: -40, libraryAdjustmentBps: 0, floorApplied: false, finalRateBps: 305 });
    const p = scoreApplicant({ ...a, loan: { ...a.loan, projectId: 'JM-1' } }, M, listed).pricing!;
    expect([p.libraryAdjustmentBps, p.finalRateBps]).toEqual([-10, 295]);
  });
  it.each([[60, 300], [61, 350], [1, 300], [120, 350]])('term %i months → LPR %i', (termMonths, lpr) => {
    expect(scoreApplicant({ ...a, loan: { ...a.loan, termMonths } }, M).pricing!.lprBps).toBe(lpr);
  });
  it.each([['A', -40], ['B', -25], ['C', -10], ['D', 10]] as const)('band %s adjusts %i bp', (band, adj) => {
    const score = { A: 90, B: 75, C: 60, D: 45 }[band];
    const c = combo(score);
    const r = scoreApplicant(inputFor(c), M, c.D === 15 ? listed : null);
    expect(r.band).toBe(band);
    expect(r.pricing!.bandAdjustmentBps).toBe(adj);
  });
  it('never below LPR − 80 bp', () => {
    const at = scoreApplicant({ ...a, loan: { ...a.loan, riskSpreadBps: -40, projectId: 'JM-1' } }, M, listed).pricing!;
    expect([at.finalRateBps, at.floorApplied]).toEqual([220, true]); // 300 − 40 − 40 − 10 = 210 < 220
    const edge = scoreApplicant({ ...a, loan: { ...a.loan, riskSpreadBps: -40 } }, M).pricing!;
    expect([edge.finalRateBps, edge.floorApplied]).toEqual([220, false]);
    const five = scoreApplicant({ ...a, loan: { ...a.loan, riskSpreadBps: -200, termMonths: 84 } }, M).pricing!;
    expect([five.finalRateBps, five.floorApplied]).toEqual([270, true]);
  });
  it('uses the LPR in force on the as-of date', () => {
    const m = loadScoringModel({ ...M, pricing: { ...M.pricing, lpr: [...M.pricing.lpr, { from: '2026-12-20', oneYearBps: 290, fiveYearBps: 340 }] } });
    expect(scoreApplicant(a, m).pricing!.lprBps).toBe(300);
    expect(scoreApplicant({ ...a, asOf: '2026-12-20' }, m).pricing!.lprBps).toBe(290);
  });
});

describe('CERF', () => {
  const a = inputFor(combo(90));
  const cerf = (category: NonNullable<ScoreInput['loan']['greenCategory']> | undefined, verified: number | undefined, extra: Partial<ScoreInput> = {}) =>
    scoreApplicant({
      ...a,
      ...extra,
      loan: { ...a.loan, ...(category ? { greenCategory: category } : {}) },
      carbon: { ...a.carbon!, ...(verified !== undefined ? { verifiedReductionT: verified } : {}) },
    }, M).cerf;
  it('eligible in a CERF area with a third-party verified reduction, reported with it', () => {
    expect(cerf('energy_transition', 3000)).toEqual({ eligible: true, annualReductionT: 3000 });
    expect(cerf('energy_saving_carbon_reduction', 12.5)).toEqual({ eligible: true, annualReductionT: 12.5 });
  });
  it.each([
    ['not a CERF area', 'resource_recycling', 3000],
    ['no category', undefined, 3000],
    ['not verified', 'energy_transition', undefined],
    ['zero verified', 'energy_transition', 0],
  ] as const)('%s → not eligible', (_n, cat, v) => {
    expect(cerf(cat, v)).toEqual({ eligible: false, annualReductionT: null });
  });
  it('an applicant that is not eligible is not CERF-eligible, and CERF does not change the price', () => {
    expect(cerf('energy_transition', 3000, { envCredit: { rating: 'red' } }).eligible).toBe(false);
    const withCerf = scoreApplicant({ ...a, loan: { ...a.loan, greenCategory: 'energy_transition' }, carbon: { ...a.carbon!, verifiedReductionT: 10 } }, M);
    const without = scoreApplicant({ ...a, loan: { ...a.loan, greenCategory: 'energy_transition' } }, M);
    expect(withCerf.pricing).toEqual(without.pricing);
  });
});

describe('the result', () => {
  it('has the PRODUCT.md shape: model id, one-decimal score, dimensions, factors with max and a Chinese reason', () => {
    const r = scoreApplicant(inputFor(combo(78)), M);
    expect(r.model).toBe('jm-green-2026.1');
    expect(Object.keys(r.dimensions)).toEqual(['carbon', 'waste', 'envCredit', 'projectMatch']);
    expect(r.factors.map((f) => [f.code, f.max])).toEqual([['A1', 25], ['A2', 10], ['B1', 12], ['B2', 8], ['B3', 5], ['C', 25], ['D', 15]]);
    for (const f of r.factors) expect(f.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(r.dimensions.carbon + r.dimensions.waste + r.dimensions.envCredit + r.dimensions.projectMatch).toBe(r.score);
  });
  it('a broken model document is refused with the field at fault', () => {
    expect(() => loadScoringModel({ ...M, bands: { A: 50, B: 70, C: 55, D: 40 } })).toThrow(expect.objectContaining({ code: 'MODEL_INVALID', path: 'bands' }));
    expect(() => loadScoringModel({ ...M, format: 'x' })).toThrow(expect.objectContaining({ code: 'MODEL_INVALID', path: 'format' }));
  });
});
