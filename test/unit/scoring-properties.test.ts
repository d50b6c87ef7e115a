// Properties of the default model over many generated applicants (fast-check).
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { GREEN_CATEGORIES } from '../../shared/domain/jiangmen.js';
import { DEFAULT_SCORING_MODEL as M } from '../../shared/scoring/default-model.js';
import { scoreApplicant, type LinkedProject } from '../../shared/scoring/engine.js';
import { ENV_CREDIT_RATINGS, VIOLATION_KINDS, scoreInputSchema, type EnvCreditRating, type ScoreInput } from '../../shared/scoring/input.js';
import { uscc } from '../helpers/projects.js';

const intensity = fc.double({ min: 0, max: 5, noNaN: true });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const day = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

const applicantInput: fc.Arbitrary<ScoreInput> = fc
  .record({
    industryCode: fc.constantFrom('C4220', 'C3071', 'C2211', 'D4415', 'C3982', 'C1713', 'N7723', 'C3360'),
    termMonths: fc.integer({ min: 1, max: 120 }),
    riskSpreadBps: fc.integer({ min: -150, max: 300 }),
    greenCategory: optional(fc.constantFrom(...GREEN_CATEGORIES)),
    projectId: optional(fc.constant('JM-GP-2024-00001')),
    carbon: optional(
      fc.record({
        intensity: optional(intensity),
        industryAverage: optional(fc.double({ min: 0.01, max: 5, noNaN: true })),
        previousIntensity: optional(fc.double({ min: 0.01, max: 5, noNaN: true })),
        dataQuality: fc.integer({ min: 1, max: 5 }),
        verifiedReductionT: optional(fc.double({ min: 0, max: 1e5, noNaN: true })),
      }),
    ),
    waste: optional(
      fc.record({
        generatedT: optional(fc.double({ min: 0, max: 1e4, noNaN: true })),
        utilizedT: optional(fc.double({ min: 0, max: 1e4, noNaN: true })),
        stockpileUtilizedT: optional(fc.double({ min: 0, max: 1e3, noNaN: true })),
        intensity: optional(intensity),
        previousIntensity: optional(intensity),
        hazardous: optional(fc.record({ generatedT: fc.double({ min: 0, max: 100, noNaN: true }), licensedDisposal: fc.boolean(), manifestsComplete: fc.boolean(), ledgerComplete: fc.boolean() })),
      }),
    ),
    rating: optional(fc.constantFrom(...ENV_CREDIT_RATINGS)),
    violations: fc.array(fc.record({ date: day, kind: fc.constantFrom(...VIOLATION_KINDS), amountYuan: optional(fc.integer({ min: 0, max: 200_000 })) }), { maxLength: 3 }),
    plan: fc.boolean(),
  })
  .map((g) =>
    strip({
      asOf: '2026-11-22',
      applicant: { name: '测试企业', uscc: uscc(7), district: '江海区' as const, industryCode: g.industryCode },
      loan: { amountYuan: 1_000_000, termMonths: g.termMonths, riskSpreadBps: g.riskSpreadBps, greenCategory: g.greenCategory, projectId: g.projectId },
      carbon: g.carbon,
      waste: g.waste,
      envCredit: g.rating ? { rating: g.rating } : undefined,
      violations: g.violations,
      transitionPlan: g.plan ? { kpis: [{ name: '单位产值能耗下降', target: '-5%', due: '2027-12-31' }] } : undefined,
    }),
  );

const project = fc.constantFrom<LinkedProject | null>(null, { found: false }, { found: true, status: 'listed', name: 'P', libraryVersion: 1 }, { found: true, status: 'withdrawn', name: 'P', libraryVersion: 1 });

/** Better first: the order of the points the rating earns. */
const BETTER: EnvCreditRating[] = ['green', 'blue', 'unrated', 'yellow', 'red'];

describe('scoring properties', () => {
  it('generated inputs are valid score inputs', () => {
    fc.assert(fc.property(applicantInput, (input) => scoreInputSchema.safeParse(input).success), { numRuns: 300 });
  });

  it('a better environmental credit rating never raises the rate', () => {
    fc.assert(
      fc.property(applicantInput, project, fc.integer({ min: 0, max: 3 }), (input, p, i) => {
        const better = scoreApplicant({ ...input, envCredit: { rating: BETTER[i]! } }, M, p);
        const worse = scoreApplicant({ ...input, envCredit: { rating: BETTER[i + 1]! } }, M, p);
        if (worse.pricing === null) return true;
        return better.pricing !== null && better.pricing.finalRateBps <= worse.pricing.finalRateBps;
      }),
      { numRuns: 1000 },
    );
  });

  it('a lower carbon intensity never lowers the score', () => {
    fc.assert(
      fc.property(applicantInput, project, intensity, intensity, (input, p, x, y) => {
        const carbon = { ...(input.carbon ?? { dataQuality: 2 }) };
        const lo = scoreApplicant({ ...input, carbon: { ...carbon, intensity: Math.min(x, y) } }, M, p);
        const hi = scoreApplicant({ ...input, carbon: { ...carbon, intensity: Math.max(x, y) } }, M, p);
        return lo.score >= hi.score;
      }),
      { numRuns: 1000 },
    );
  });

  it('a block always means not eligible and no price', () => {
    fc.assert(
      fc.property(applicantInput, project, (input, p) => {
        const r = scoreApplicant(input, M, p);
        if (r.blocks.length === 0) return true;
        return r.band === 'E' && !r.eligible && r.pricing === null && r.creditLineFactor === 0 && !r.cerf.eligible;
      }),
      { numRuns: 2000 },
    );
  });

  it('the rate is never below the floor, and the band is never better than the score’s', () => {
    fc.assert(
      fc.property(applicantInput, project, (input, p) => {
        const r = scoreApplicant(input, M, p);
        const order = ['A', 'B', 'C', 'D', 'E'];
        if (order.indexOf(r.band) < order.indexOf(r.bandByScore)) return false;
        return r.pricing === null || r.pricing.finalRateBps >= r.pricing.lprBps - 80;
      }),
      { numRuns: 2000 },
    );
  });
});
