/**
 * What a device pushes to the hub: one outbox entry per local write, carrying the whole current state of the
 * record it wrote (an application with its scores and audit trail, a loan with its disbursements and payments, a
 * check with its measures). Whole states make a replay harmless and let a rejected record be fixed and resent as
 * a newer entry. The hub validates every entry against these schemas; the device builds them from its tables.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, ACTIONS } from '../applications/lifecycle.js';
import { canonicalJson } from '../canonical-json.js';
import { MEASURE_KINDS } from '../contract/methods/checks.js';
import { PURPOSES } from '../postloan/rules.js';

export const RECORD_KINDS = ['application', 'loan', 'check'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(64);
const at = z.string().min(10).max(40);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fen = z.number().int().min(0).max(1e14);

/** Who did something, as the device knows them (local accounts are per device). */
export const actorSchema = z
  .object({ username: text(64), displayName: text(100), role: z.enum(['loan_officer', 'approver', 'compliance', 'admin', 'system']) })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

/** The linked project as the device saw it when it scored (what the model's project factor used). */
export const projectViewSchema = z.union([
  z.object({ found: z.literal(false) }).strict(),
  z
    .object({ found: z.literal(true), name: text(200), status: z.enum(['listed', 'under_construction', 'in_operation', 'withdrawn']), libraryVersion: z.number().int().nonnegative() })
    .strict(),
]);

export const scoreRecordSchema = z
  .object({
    id: z.number().int().positive(),
    modelId: text(64),
    input: z.unknown(),
    inputHash: z.string().regex(/^[a-f0-9]{64}$/),
    result: z.unknown(),
    projectId: id.nullable(),
    projectVersion: z.number().int().nonnegative().nullable(),
    /** null when the input names no project. */
    project: projectViewSchema.nullable(),
    createdBy: actorSchema,
    createdAt: at,
  })
  .strict();

export const transitionRecordSchema = z
  .object({
    action: z.enum(['create', ...ACTIONS]),
    fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
    toStatus: z.enum(APPLICATION_STATUSES),
    actor: actorSchema,
    reason: text(1000),
    at,
  })
  .strict();

export const applicationRecordSchema = z
  .object({
    id,
    status: z.enum(APPLICATION_STATUSES),
    input: z.unknown(),
    projectId: id.nullable(),
    projectVersion: z.number().int().nonnegative().nullable(),
    createdBy: actorSchema,
    createdAt: at,
    updatedAt: at,
    scores: z.array(scoreRecordSchema).max(500),
    transitions: z.array(transitionRecordSchema).min(1).max(1000),
  })
  .strict();
export type ApplicationRecord = z.infer<typeof applicationRecordSchema>;

export const loanRecordSchema = z
  .object({
    id,
    applicationId: id.nullable(),
    borrowerName: text(200),
    borrowerUscc: text(18),
    amountFen: fen,
    agreedPurposes: z.array(z.enum(PURPOSES)).max(20),
    greenCategory: text(64).nullable(),
    cerf: z.boolean(),
    thirdPartyVerified: z.boolean(),
    relatedPartyUsccs: z.array(text(18)).max(500),
    projectId: id.nullable(),
    greenStatus: z.enum(['green', 'removed']),
    status: z.enum(['active', 'closed']),
    createdBy: actorSchema,
    createdAt: at,
    disbursements: z.array(z.object({ date, amountFen: fen, createdBy: actorSchema, createdAt: at }).strict()).max(10_000),
    payments: z
      .array(
        z
          .object({
            ref: text(64),
            date,
            amountFen: fen,
            payeeName: text(200),
            payeeUscc: text(18).nullable(),
            payeeAccount: z.enum(['corporate', 'personal']),
            purpose: z.enum(PURPOSES),
            invoiceNo: text(64).nullable(),
            attachments: z.number().int().min(0).max(10_000),
          })
          .strict(),
      )
      .max(50_000),
    attachments: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            paymentRef: text(64).nullable(),
            kind: z.enum(['invoice', 'contract', 'site_photo', 'meter_reading', 'other']),
            fileName: text(255),
            size: z.number().int().nonnegative(),
            sha256: z.string().regex(/^[a-f0-9]{64}$/),
            mime: text(100),
            createdAt: at,
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type LoanRecord = z.infer<typeof loanRecordSchema>;

export const checkRecordSchema = z
  .object({
    id: z.number().int().positive(),
    loanId: id,
    rulesId: text(64),
    asOf: date,
    input: z.unknown(),
    inputHash: z.string().regex(/^[a-f0-9]{64}$/),
    result: z.unknown(),
    verdict: z.enum(['suspected_misuse', 'needs_rectification', 'compliant']),
    nextDue: date,
    createdBy: actorSchema,
    createdAt: at,
    measures: z
      .array(z.object({ measure: z.enum(MEASURE_KINDS), reason: text(500), deadline: date.nullable(), createdBy: actorSchema, createdAt: at }).strict())
      .max(1000),
  })
  .strict();
export type CheckRecord = z.infer<typeof checkRecordSchema>;

export const RECORD_SCHEMAS = { application: applicationRecordSchema, loan: loanRecordSchema, check: checkRecordSchema } as const;

export type RecordOf<K extends RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;

/** The entity id an entry names: an application's or a loan's own id; a check's local number as `CK-<n>`. */
export const checkEntityId = (checkId: number) => `CK-${checkId}`;

/** One outbox entry as it crosses the wire (push, the offline file, later a submission bundle). */
export const outboxEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    kind: z.enum(RECORD_KINDS),
    entityId: id,
    payload: z.unknown(),
    /** sha256 (hex) of entryHashInput(): what makes a replay recognisable as the same entry. */
    hash: z.string().regex(/^[a-f0-9]{64}$/),
    /** When the device wrote it, by the device's clock: shown, never used for ordering. */
    createdAt: at,
  })
  .strict();
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** The text an entry's hash is taken over (canonical JSON of its identity and content). */
export function entryHashInput(e: Pick<OutboxEntry, 'seq' | 'kind' | 'entityId' | 'payload'>): string {
  return canonicalJson({ seq: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload });
}
