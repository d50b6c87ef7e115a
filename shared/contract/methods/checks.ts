/** Contract: loans after approval and their post-loan checks (due list, live check, save, measures, evidence). */
import { z } from 'zod';
import { checkInputSchema } from '../../postloan/input.js';
import { PURPOSES, SEVERITIES } from '../../postloan/rules.js';

const loanId = z.string().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stagedId = z.string().regex(/^[a-f0-9]{32}$/);

export const MEASURE_KINDS = ['warning', 'rectification_deadline', 'disbursement_suspended', 'early_recall', 'green_label_removed', 'reported'] as const;

export const checkResultSchema = z.object({
  model: z.string(),
  verdict: z.enum(['suspected_misuse', 'needs_rectification', 'compliant']),
  flags: z.array(z.object({ code: z.string(), severity: z.enum(SEVERITIES), message: z.string(), evidence: z.record(z.string(), z.unknown()) })),
  actions: z.array(z.string()),
  nextCheckDue: z.string(),
});

export const checkMethods = {
  'loans.due': {
    access: 'user',
    input: z.object({ asOf: date.optional() }).strict(),
    output: z.object({
      items: z.array(z.object({
        loanId: z.string(), borrowerName: z.string(), amountFen: z.number().int(), disbursedFen: z.number().int(), greenStatus: z.enum(['green', 'removed']),
        lastCheckAsOf: z.string().nullable(), lastVerdict: z.string().nullable(), nextDue: z.string().nullable(), overdueDays: z.number().int().nullable(),
      })),
      counts: z.record(z.string(), z.number().int()),
    }),
  },
  /** A loan as registered: its agreed terms, disbursed sum, evidence on file, and its last check's input (to carry on from). */
  'loans.get': {
    access: 'user',
    input: z.object({ loanId }).strict(),
    output: z.object({
      loanId: z.string(), applicationId: z.string().nullable(), borrowerName: z.string(), borrowerUscc: z.string(), amountFen: z.number().int(),
      disbursedFen: z.number().int(), agreedPurposes: z.array(z.enum(PURPOSES)), relatedPartyUsccs: z.array(z.string()), cerf: z.boolean(),
      thirdPartyVerified: z.boolean(), greenCategory: z.string().nullable(), projectId: z.string().nullable(), greenStatus: z.enum(['green', 'removed']),
      status: z.enum(['active', 'closed']), payments: z.number().int(),
      attachments: z.array(z.object({ id: z.number().int(), paymentRef: z.string().nullable(), kind: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string(), mime: z.string(), createdAt: z.string() })),
      lastCheck: z.object({ checkId: z.number().int(), asOf: z.string(), verdict: z.string(), input: z.unknown() }).nullable(),
    }),
  },
  'loans.register': {
    access: ['compliance', 'loan_officer', 'admin'],
    input: z.object({
      applicationId: z.string().min(1).max(64),
      agreedPurposes: z.array(z.enum(PURPOSES)).min(1),
      relatedPartyUsccs: z.array(z.string().length(18)).max(200).default([]),
      cerf: z.boolean().default(false),
      thirdPartyVerified: z.boolean().default(false),
    }).strict(),
    output: z.object({ loanId: z.string() }),
  },
  'loans.disburse': {
    access: ['loan_officer', 'admin'],
    input: z.object({ loanId, date, amountYuan: z.number().positive().max(1e12) }).strict(),
    output: z.object({ id: z.number().int() }),
  },
  'loans.timeline': {
    access: 'user',
    input: z.object({ loanId }).strict(),
    output: z.object({ items: z.array(z.object({ at: z.string(), kind: z.enum(['disbursement', 'payment', 'check', 'measure']), title: z.string(), detail: z.record(z.string(), z.unknown()) })) }),
  },
  /** Runs the rules on a check as typed (invoices compared with the database), saving nothing: the live flags. */
  'checks.preview': {
    access: 'user',
    input: z.object({ input: z.unknown() }).strict(),
    output: checkResultSchema,
  },
  'checks.save': {
    access: ['compliance', 'admin'],
    input: z.object({ input: checkInputSchema }).strict(),
    output: z.object({ checkId: z.number().int(), result: checkResultSchema }),
  },
  'checks.addMeasure': {
    access: ['compliance', 'admin'],
    input: z.object({ checkId: z.number().int(), measure: z.enum(MEASURE_KINDS), reason: z.string().max(500), deadline: date.nullable().default(null) }).strict(),
    output: z.object({ id: z.number().int() }),
  },
  'attachments.add': {
    access: ['compliance', 'loan_officer', 'admin'],
    input: z.object({ loanId, paymentRef: z.string().max(64).optional(), kind: z.enum(['invoice', 'contract', 'site_photo', 'meter_reading', 'other']), stagedId }).strict(),
    output: z.object({ id: z.number().int(), kind: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string(), mime: z.string() }),
  },
  'attachments.get': {
    access: 'user',
    input: z.object({ id: z.number().int() }).strict(),
    output: z.object({ id: z.number().int(), kind: z.string(), fileName: z.string(), size: z.number().int(), sha256: z.string(), mime: z.string(), contentBase64: z.string() }),
  },
} as const;
