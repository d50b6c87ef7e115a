/** The score result as a schema, for the contract (the engine's ScoreResult type is the source). */
import { z } from 'zod';
import { BANDS } from './model.js';

export const scoreResultSchema = z.object({
  model: z.string(),
  score: z.number(),
  band: z.enum(BANDS),
  bandByScore: z.enum(BANDS),
  eligible: z.boolean(),
  blocks: z.array(z.string()),
  caps: z.array(z.string()),
  dimensions: z.object({ carbon: z.number(), waste: z.number(), envCredit: z.number(), projectMatch: z.number() }),
  factors: z.array(z.object({ code: z.enum(['A1', 'A2', 'B1', 'B2', 'B3', 'C', 'D']), points: z.number(), max: z.number(), detail: z.string() })),
  explanations: z.array(z.object({ code: z.string(), kind: z.enum(['block', 'cap']), detail: z.string() })),
  pricing: z
    .object({
      lprBps: z.number().int(),
      riskSpreadBps: z.number().int(),
      bandAdjustmentBps: z.number().int(),
      libraryAdjustmentBps: z.number().int(),
      floorApplied: z.boolean(),
      finalRateBps: z.number().int(),
    })
    .nullable(),
  creditLineFactor: z.number(),
  cerf: z.object({ eligible: z.boolean(), annualReductionT: z.number().nullable() }),
});
