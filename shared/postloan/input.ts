/** The check input (PRODUCT.md): a loan, its project, the payments made from it, benefits and credit changes. */
import { z } from 'zod';
import { GREEN_CATEGORIES, PROJECT_STATUSES } from '../domain/jiangmen.js';
import { isValidIsoDate } from '../domain/project-validate.js';
import { usccProblem } from '../domain/uscc.js';
import { PURPOSES } from './rules.js';

const date = z.string().refine(isValidIsoDate, { message: 'BAD_DATE' });
const money = z.number().finite().min(0).max(1e12);
const uscc = z.string().superRefine((v, ctx) => {
  const p = usccProblem(v);
  if (p) ctx.addIssue({ code: 'custom', message: p });
});

export const paymentSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    date,
    amountYuan: money,
    payeeName: z.string().trim().min(1).max(200),
    payeeUscc: uscc.optional(),
    payeeAccount: z.enum(['corporate', 'personal']),
    purpose: z.enum(PURPOSES),
    invoiceNo: z.string().trim().max(64).optional(),
    attachments: z.number().int().min(0).max(1000).default(0),
  })
  .strict();
export type Payment = z.infer<typeof paymentSchema>;

export const checkInputSchema = z
  .object({
    asOf: date,
    loan: z
      .object({
        id: z.string().trim().min(1).max(64),
        borrowerUscc: uscc,
        amountYuan: money.refine((v) => v > 0, { message: 'must be positive' }),
        disbursedYuan: money,
        agreedPurposes: z.array(z.enum(PURPOSES)).min(1),
        greenCategory: z.enum(GREEN_CATEGORIES).optional(),
        cerf: z.boolean().default(false),
        thirdPartyVerified: z.boolean().default(false),
        relatedPartyUsccs: z.array(uscc).max(200).default([]),
        projectId: z.string().max(64).optional(),
      })
      .strict(),
    project: z
      .object({
        totalInvestmentYuan: money.optional(),
        otherFinancingYuan: money.optional(),
        physicalProgressPct: z.number().min(0).max(100).optional(),
        libraryStatus: z.enum(PROJECT_STATUSES).optional(),
        milestones: z.array(z.object({ name: z.string().trim().min(1).max(200), due: date, evidence: z.boolean() }).strict()).max(200).default([]),
      })
      .strict()
      .default({ milestones: [] }),
    payments: z.array(paymentSchema).max(10_000).default([]),
    benefits: z
      .object({
        expectedCarbonReductionT: z.number().min(0).optional(),
        actualCarbonReductionT: z.number().min(0).optional(),
        expectedWasteUtilizedT: z.number().min(0).optional(),
        actualWasteUtilizedT: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    envCredit: z.object({ rating: z.enum(['green', 'blue', 'yellow', 'red', 'unrated']) }).strict().optional(),
    newViolations: z.array(z.object({ date, kind: z.string().max(64), note: z.string().max(500).optional() }).strict()).max(100).default([]),
    librarySyncedAt: date.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.loan.disbursedYuan > c.loan.amountYuan) ctx.addIssue({ code: 'custom', path: ['loan', 'disbursedYuan'], message: 'DISBURSED_OVER_AMOUNT' });
    const ids = new Set<string>();
    c.payments.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['payments', i, 'id'], message: 'DUPLICATE_PAYMENT_ID' });
      ids.add(p.id);
    });
  });

export type CheckInput = z.infer<typeof checkInputSchema>;
