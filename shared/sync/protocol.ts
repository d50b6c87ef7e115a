/**
 * The hub protocol (PRODUCT.md, HTTP/JSON under /v1): what a device and the hub say to each other. Both sides
 * validate everything they receive against these schemas; nothing from the wire is trusted.
 *
 *   GET  /v1/health                              public: { hubId, protocol }
 *   POST /v1/enroll                              public: a one-time code (+ proof of the device key) → a device token
 *   GET  /v1/device                              who the token is: device, branch, bank, last applied sequence number
 *   GET  /v1/library/head                        the hub's current library version
 *   GET  /v1/library/changes?from&to&after&limit the projects that changed in (from, to], by id, one page
 *   GET  /v1/models?after&limit                  model documents the device's bank may use, by publication order
 *   POST /v1/push                                outbox entries, each sequence number applied exactly once
 *
 * Every authenticated call carries `Authorization: Bearer <device token>`. Errors are `{ error: { code, message,
 * path?, details? } }` with a 4xx status for the caller's fault and 5xx for the hub's.
 */
import { z } from 'zod';
import { projectSchema } from '../domain/project.js';
import { outboxEntrySchema } from './records.js';

export const PROTOCOL = 'greendesk.hub.v1';
/** The most projects one library page may carry, and the most entries one push may carry. */
export const MAX_PAGE = 5000;
export const MAX_PUSH_ENTRIES = 1000;
/** The largest push body the hub reads (bytes). */
export const MAX_PUSH_BYTES = 32 * 1024 * 1024;

export const healthSchema = z.object({ hubId: z.string(), protocol: z.literal(PROTOCOL), time: z.string() });

/** What the device signs to prove it holds the key it enrols with (so a retried enrolment cannot be hijacked). */
export function enrollProofText(r: { code: string; deviceId: string; publicKey: string }): string {
  return `greendesk.enroll.v1\n${r.code}\n${r.deviceId}\n${r.publicKey}`;
}

export const deviceIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/);

export const enrollRequestSchema = z
  .object({
    code: z.string().min(4).max(64),
    deviceId: deviceIdSchema,
    deviceName: z.string().trim().min(1).max(100),
    /** Ed25519 public key, PEM (SPKI). */
    publicKey: z.string().min(40).max(1000),
    /** Ed25519 signature (base64) over enrollProofText(). */
    signature: z.string().min(40).max(200),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const deviceInfoSchema = z.object({
  hubId: z.string(),
  deviceId: deviceIdSchema,
  deviceName: z.string(),
  bank: z.string(),
  branch: z.string(),
  lastSeq: z.number().int().nonnegative(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export const enrollResponseSchema = deviceInfoSchema.extend({ token: z.string().min(20).max(200) });
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const libraryHeadSchema = z.object({
  /** 0 when the hub has no library yet. */
  version: z.number().int().nonnegative(),
  issuer: z.string(),
  issuedAt: z.string(),
  publishedAt: z.string(),
  projectCount: z.number().int().nonnegative(),
});
export type LibraryHead = z.infer<typeof libraryHeadSchema>;

export const libraryChangesSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  issuer: z.string(),
  issuedAt: z.string(),
  /** How many projects changed in (from, to] in all (every page of this pull); given on the first page only. */
  total: z.number().int().nonnegative().nullable(),
  projects: z.array(projectSchema).max(MAX_PAGE),
  /** The id to pass as `after` for the next page; null when this was the last page. */
  next: z.string().nullable(),
});
export type LibraryChanges = z.infer<typeof libraryChangesSchema>;

export const MODEL_KINDS = ['scoring', 'postloan'] as const;
export const modelsPageSchema = z.object({
  models: z
    .array(
      z.object({
        seq: z.number().int().positive(),
        id: z.string(),
        kind: z.enum(MODEL_KINDS),
        document: z.unknown(),
        /** Head office made this the model new work uses. */
        activate: z.boolean(),
        publishedAt: z.string(),
      }),
    )
    .max(MAX_PAGE),
  next: z.number().int().nullable(),
});
export type ModelsPage = z.infer<typeof modelsPageSchema>;

export const pushRequestSchema = z
  .object({ deviceId: deviceIdSchema, entries: z.array(outboxEntrySchema).min(1).max(MAX_PUSH_ENTRIES) })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * One entry's outcome. `applied`: stored (now or, with replay, before); `rejected`: refused for a reason the device
 * must show (the sequence number is used up all the same); `conflict`: the hub already holds this sequence
 * number with different content (a device restored from an old backup) — the device renumbers and resends.
 */
export const entryResultSchema = z.object({
  seq: z.number().int().positive(),
  status: z.enum(['applied', 'rejected', 'conflict']),
  replay: z.boolean(),
  hubSeq: z.number().int().nullable(),
  code: z.string().optional(),
  message: z.string().optional(),
  path: z.string().optional(),
});
export type EntryResult = z.infer<typeof entryResultSchema>;

export const pushResponseSchema = z.object({
  deviceId: deviceIdSchema,
  /** The highest sequence number the hub has applied for this device. */
  lastSeq: z.number().int().nonnegative(),
  results: z.array(entryResultSchema),
  /** Set when an entry came after a gap: nothing from it on was applied; resend from `expected`. */
  gap: z.object({ expected: z.number().int().positive() }).nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const hubErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), path: z.string().optional(), details: z.unknown().optional() }),
});
