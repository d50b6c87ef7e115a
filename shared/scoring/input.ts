/** The score input (PRODUCT.md): what a loan officer enters about an applicant. Validated at every boundary. */
import { z } from 'zod';
import { DISTRICTS, GREEN_CATEGORIES } from '../domain/jiangmen.js';
import { isValidIsoDate } from '../domain/project-validate.js';
import { industryCodeProblem } from '../domain/industry.js';
import { usccProblem } from '../domain/uscc.js';

const date = z.string().refine(isValidIsoDate, { message: 'BAD_DATE' });
const nonNeg = z.number().finite().min(0);
const intensity = z.number().finite().min(0).max(1e6);

export const VIOLATION_KINDS = ['production_halt', 'fine', 'police_referral', 'build_before_approval', 'operate_before_acceptance'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const ENV_CREDIT_RATINGS = ['green', 'blue', 'yellow', 'red', 'unrated'] as const;
export type EnvCreditRating = (typeof ENV_CREDIT_RATINGS)[number];

export const scoreInputSchema = z
  .object({
    asOf: date,
    applicant: z
      .object({
        name: z.string().trim().min(1).max(200),
        uscc: z.string().superRefine((v, ctx) => {
          const p = usccProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        }),
        district: z.enum(DISTRICTS),
        industryCode: z.string().superRefine((v, ctx) => {
          const p = industryCodeProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        }),
      })
      .strict(),
    loan: z
      .object({
        amountYuan: z.number().finite().positive().max(1e12),
        termMonths: z.number().int().min(1).max(360),
        riskSpreadBps: z.number().int().min(-500).max(2000),
        greenCategory: z.enum(GREEN_CATEGORIES).optional(),
        projectId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    carbon: z
      .object({
        intensity: intensity.optional(),
        industryAverage: intensity.optional(),
        previousIntensity: intensity.optional(),
        dataQuality: z.number().int().min(1).max(5),
        annualEmissionsT: nonNeg.optional(),
        verifiedReductionT: nonNeg.optional(),
      })
      .strict()
      .optional(),
    waste: z
      .object({
        generatedT: nonNeg.optional(),
        utilizedT: nonNeg.optional(),
        stockpileUtilizedT: nonNeg.optional(),
        intensity: intensity.optional(),
        previousIntensity: intensity.optional(),
        hazardous: z
          .object({
            generatedT: nonNeg,
            licensedDisposal: z.boolean(),
            manifestsComplete: z.boolean(),
            ledgerComplete: z.boolean(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    envCredit: z.object({ rating: z.enum(ENV_CREDIT_RATINGS), year: z.number().int().min(2000).max(2100).optional() }).strict().optional(),
    violations: z
      .array(z.object({ date, kind: z.enum(VIOLATION_KINDS), amountYuan: nonNeg.optional() }).strict())
      .max(200)
      .optional(),
    transitionPlan: z
      .object({
        kpis: z.array(z.object({ name: z.string().trim().min(1).max(200), target: z.string().max(100), due: date }).strict()).max(50),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ScoreInput = z.infer<typeof scoreInputSchema>;
