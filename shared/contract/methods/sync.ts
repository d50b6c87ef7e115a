/**
 * Contract: the 同步 page and the status bar's sync indicator — the hub connection and enrolment, the status, the
 * outbox per entry, running a round (a job), re-downloading the library, resending a rejected record, and the
 * offline file of pending entries.
 */
import { z } from 'zod';
import { deviceInfoSchema } from '../../sync/protocol.js';
import { RECORD_KINDS } from '../../sync/records.js';

export const OUTBOX_STATES = ['pending', 'sent', 'rejected', 'resent'] as const;

const progress = z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() });

export const syncStatusSchema = z.object({
  hubUrl: z.string().nullable(),
  enrolled: z.boolean(),
  device: deviceInfoSchema.nullable(),
  deviceId: z.string(),
  deviceName: z.string(),
  keyId: z.string(),
  running: z.boolean(),
  progress: progress.nullable(),
  reachable: z.boolean().nullable(),
  lastRound: z.object({ at: z.string(), ok: z.boolean(), trigger: z.string(), errorCode: z.string().nullable(), errorMessage: z.string().nullable() }).nullable(),
  lastSuccessAt: z.string().nullable(),
  outbox: z.object({
    pending: z.number().int(), sent: z.number().int(), rejected: z.number().int(), resent: z.number().int(),
    oldestPendingAt: z.string().nullable(), nextAttemptAt: z.string().nullable(),
  }),
  pull: z.object({ toVersion: z.number().int(), received: z.number().int(), total: z.number().int().nullable() }).nullable(),
  /** When the automatic sync will try again after a failure (null: no back-off now). */
  nextAutoAt: z.string().nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export const outboxItemSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(RECORD_KINDS),
  entityId: z.string(),
  label: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  hubSeq: z.number().int().nullable(),
  rejectCode: z.string().nullable(),
  rejectMessage: z.string().nullable(),
  rejectPath: z.string().nullable(),
  resentAs: z.number().int().nullable(),
});
export type OutboxItemView = z.infer<typeof outboxItemSchema>;

export const syncMethods = {
  'sync.status': { access: 'user', input: z.object({}).strict(), output: syncStatusSchema },
  'sync.outbox': {
    access: 'user',
    input: z.object({ state: z.enum(OUTBOX_STATES).optional(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(outboxItemSchema) }),
  },
  'sync.history': {
    access: 'user',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.object({
      items: z.array(z.object({ id: z.number().int(), startedAt: z.string(), finishedAt: z.string(), trigger: z.string(), ok: z.boolean(), errorCode: z.string().nullable(), errorMessage: z.string().nullable(), summary: z.unknown() })),
    }),
  },
  /** The hub's address (and this device's name). Changing the address forgets the enrolment. */
  'sync.configure': {
    access: ['admin'],
    input: z.object({ hubUrl: z.string().trim().min(1).max(300), deviceName: z.string().trim().min(1).max(100).optional() }).strict(),
    output: z.object({ hubUrl: z.string() }),
  },
  'sync.enroll': {
    access: ['admin'],
    input: z.object({ code: z.string().trim().min(4).max(64), hubUrl: z.string().trim().min(1).max(300).optional() }).strict(),
    output: deviceInfoSchema,
  },
  /** One round now (or the one already running): a job whose progress is the round's. */
  'sync.run': { access: 'user', input: z.object({ reason: z.enum(['manual', 'online']).default('manual') }).strict(), output: z.object({ jobId: z.string() }) },
  /** Downloads the whole library again (it replaces the local copy); unsent work is never touched. */
  'sync.redownload': { access: ['admin'], input: z.object({}).strict(), output: z.object({ jobId: z.string() }) },
  'sync.resend': { access: 'user', input: z.object({ seq: z.number().int().positive() }).strict(), output: z.object({ seq: z.number().int() }) },
  /** The pending entries as a signed offline file (greendesk.outbox.v1), for `greendesk hub import`. */
  'sync.exportFile': {
    access: 'user',
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), entries: z.number().int() }),
  },
} as const;
