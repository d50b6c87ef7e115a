/** Contract: credit applications — drafts, immutable scores, the lifecycle with maker-checker, and the models. */
import { z } from 'zod';
import { ACTIONS, APPLICATION_STATUSES } from '../../applications/lifecycle.js';
import { scoreInputSchema } from '../../scoring/input.js';
import { scoreResultSchema } from '../../scoring/result-schema.js';
import { sessionUserSchema } from './auth.js';

const id = z.string().regex(/^GA-\d{8}-[0-9A-Z]{6}$/);

export const applicationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  applicantName: z.string(),
  applicantUscc: z.string(),
  district: z.string(),
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  projectId: z.string().nullable(),
  score: z.number().nullable(),
  band: z.string().nullable(),
  finalRateBps: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const savedScoreSchema = z.object({
  id: z.number().int(),
  modelId: z.string(),
  inputHash: z.string(),
  input: scoreInputSchema,
  result: scoreResultSchema,
  projectId: z.string().nullable(),
  projectVersion: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const applicationMethods = {
  'models.scoring': {
    access: 'user',
    input: z.object({}).strict(),
    /** The active model document (the renderer runs the same engine on it for the live score). */
    output: z.object({ active: z.unknown(), ids: z.array(z.string()) }),
  },
  /** Every model version this database knows (built-in and added), with the one in use per kind. */
  'models.list': {
    access: 'user',
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(z.object({ id: z.string(), kind: z.enum(['scoring', 'postloan']), name: z.string(), effectiveFrom: z.string(), active: z.boolean(), builtIn: z.boolean(), addedAt: z.string().nullable() })),
    }),
  },
  'models.activate': {
    access: ['admin'],
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ id: z.string(), kind: z.enum(['scoring', 'postloan']) }),
  },
  'applications.list': {
    access: 'user',
    input: z
      .object({
        status: z.enum(APPLICATION_STATUSES).optional(),
        /** 'approvals': submitted applications the signed-in user may decide (not their own). */
        queue: z.enum(['all', 'mine', 'approvals']).default('all'),
        q: z.string().max(100).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(applicationSummarySchema), counts: z.record(z.string(), z.number().int()) }),
  },
  'applications.get': {
    access: 'user',
    input: z.object({ id }).strict(),
    output: applicationSummarySchema.extend({
      input: scoreInputSchema,
      scores: z.array(savedScoreSchema),
      transitions: z.array(
        z.object({ action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), actor: sessionUserSchema.pick({ id: true, displayName: true, role: true }), reason: z.string(), at: z.string() }),
      ),
      actions: z.array(z.enum(ACTIONS)),
    }),
  },
  'applications.create': {
    access: ['loan_officer', 'admin'],
    input: z.object({ input: scoreInputSchema }).strict(),
    output: z.object({ id: z.string() }),
  },
  'applications.update': {
    access: ['loan_officer', 'admin'],
    input: z.object({ id, input: scoreInputSchema }).strict(),
    output: z.object({ id: z.string() }),
  },
  /** Scores the draft's current input and saves the result (a new immutable score each time). */
  'applications.score': {
    access: ['loan_officer', 'admin'],
    input: z.object({ id }).strict(),
    output: savedScoreSchema,
  },
  'applications.transition': {
    access: 'user',
    input: z.object({ id, action: z.enum(ACTIONS), reason: z.string().max(500).default('') }).strict(),
    output: z.object({ id: z.string(), status: z.enum(APPLICATION_STATUSES) }),
  },
} as const;
