/**
 * The scoring model document (resources/models/*.json): every weight, threshold, table and list of the
 * differentiated-pricing model is data, validated here at load. The engine is generic over it.
 */
import { z } from 'zod';
import { GREEN_CATEGORIES } from '../domain/jiangmen.js';

export const BANDS = ['A', 'B', 'C', 'D', 'E'] as const;
export type Band = (typeof BANDS)[number];
export const SCORING_MODEL_FORMAT = 'greendesk.scoring-model.v1';

const points = z.number().finite().min(0).max(100);
const bps = z.number().int().min(-1000).max(1000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const prefix = z.string().regex(/^[A-T]\d{0,4}$/);
const pct = z.number().finite().min(0).max(100);

export const scoringModelSchema = z
  .object({
    format: z.literal(SCORING_MODEL_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,63}$/),
    name: z.string().min(1).max(200),
    effectiveFrom: isoDate,
    carbon: z.object({
      /** A1: grade by K = intensity ÷ industry average; the first row with K ≤ maxK gives the points. */
      gradeThresholds: z.array(z.object({ maxK: z.number().positive(), points })).min(1),
      aboveLastPoints: points,
      noDataPoints: points,
      /** A2: year-on-year change of intensity, in percent. */
      yoy: z.object({ strongDropPct: z.number().max(0), strongPoints: points, dropPoints: points, risePoints: points, noDataPoints: points }),
    }),
    waste: z.object({
      utilisation: z.object({
        defaultBenchmarkPct: pct,
        benchmarks: z.array(z.object({ prefix, pct })),
        highMarginPct: pct,
        highPoints: points,
        meetPoints: points,
        belowPoints: points,
        noDataPoints: points,
      }),
      hazardous: z.object({ nonePoints: points, compliantPoints: points, incompletePoints: points, unlicensedPoints: points }),
      intensityDropPoints: points,
    }),
    envCredit: z.object({ green: points, blue: points, yellow: points, red: points, unrated: points }),
    projectMatch: z.object({ listed: points, greenCategory: points, transitionPlan: points, none: points }),
    /** Minimum score of each band; below the last one: E. */
    bands: z.object({ A: points, B: points, C: points, D: points }),
    blocks: z.object({
      seriousViolationMonths: z.number().int().min(1).max(120),
      seriousFineYuan: z.number().int().min(0),
      approvalViolationMonths: z.number().int().min(1).max(240),
    }),
    negativeListPrefixes: z.array(prefix),
    highCarbonPrefixes: z.array(prefix).min(1),
    caps: z.object({ highCarbonNoPlan: z.enum(BANDS), dataQuality4: z.enum(BANDS), dataQuality5: z.enum(BANDS) }),
    pricing: z.object({
      /** Dated LPR table; the entry in force on the as-of date applies. */
      lpr: z.array(z.object({ from: isoDate, oneYearBps: z.number().int().min(0), fiveYearBps: z.number().int().min(0) })).min(1),
      fiveYearAboveMonths: z.number().int().min(1),
      bandAdjustmentBps: z.object({ A: bps, B: bps, C: bps, D: bps }),
      libraryAdjustmentBps: bps,
      floorBelowLprBps: z.number().int().min(0).max(1000),
    }),
    creditLineFactor: z.object({ A: z.number().min(0).max(5), B: z.number().min(0).max(5), C: z.number().min(0).max(5), D: z.number().min(0).max(5), E: z.number().min(0).max(5) }),
    cerf: z.object({ categories: z.array(z.enum(GREEN_CATEGORIES)) }),
  })
  .strict()
  .superRefine((m, ctx) => {
    const t = m.carbon.gradeThresholds.map((g) => g.maxK);
    if (t.some((k, i) => i > 0 && k <= t[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['carbon', 'gradeThresholds'], message: 'maxK must increase' });
    const b = m.bands;
    if (!(b.A > b.B && b.B > b.C && b.C > b.D)) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'band minimums must decrease from A to D' });
    const d = m.pricing.lpr.map((l) => l.from);
    if (d.some((x, i) => i > 0 && x <= d[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['pricing', 'lpr'], message: 'LPR dates must increase' });
  });

export type ScoringModel = z.infer<typeof scoringModelSchema>;

/** The maximum points of each factor under a model (for the score card). */
export function factorMaxima(m: ScoringModel) {
  return {
    A1: Math.max(m.carbon.aboveLastPoints, m.carbon.noDataPoints, ...m.carbon.gradeThresholds.map((g) => g.points)),
    A2: Math.max(m.carbon.yoy.strongPoints, m.carbon.yoy.dropPoints, m.carbon.yoy.risePoints, m.carbon.yoy.noDataPoints),
    B1: Math.max(m.waste.utilisation.highPoints, m.waste.utilisation.meetPoints, m.waste.utilisation.belowPoints, m.waste.utilisation.noDataPoints),
    B2: Math.max(m.waste.hazardous.nonePoints, m.waste.hazardous.compliantPoints, m.waste.hazardous.incompletePoints),
    B3: m.waste.intensityDropPoints,
    C: Math.max(m.envCredit.green, m.envCredit.blue, m.envCredit.yellow, m.envCredit.red, m.envCredit.unrated),
    D: Math.max(m.projectMatch.listed, m.projectMatch.greenCategory, m.projectMatch.transitionPlan, m.projectMatch.none),
  };
}
