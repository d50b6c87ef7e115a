/**
 * The offline way out (`greendesk sync export`): the outbox's pending entries in one signed file that the hub
 * applies with `greendesk hub import`, exactly once, as if pushed. The same document can travel inside a signed
 * submission bundle (greendesk.bundle.v1) as `outbox.json`: the hub verifies the signature with the public key the
 * device enrolled with, whatever carried the file.
 */
import { z } from 'zod';
import { canonicalJson } from '../canonical-json.js';
import { deviceIdSchema } from './protocol.js';
import { outboxEntrySchema } from './records.js';

export const OUTBOX_FILE_FORMAT = 'greendesk.outbox.v1';

export const outboxFileSchema = z
  .object({
    format: z.literal(OUTBOX_FILE_FORMAT),
    deviceId: deviceIdSchema,
    /** sha256 (hex, first 16) of the device's public key (DER): which key signed. */
    keyId: z.string().regex(/^[a-f0-9]{16}$/),
    createdAt: z.string(),
    entries: z.array(outboxEntrySchema).max(1_000_000),
    /** Ed25519 (base64) over outboxFileSigningText() of everything above. */
    signature: z.string().min(40).max(200),
  })
  .strict();
export type OutboxFile = z.infer<typeof outboxFileSchema>;

/** RFC 8785 canonical JSON of the file without its signature: what is signed and verified. */
export function outboxFileSigningText(doc: Omit<OutboxFile, 'signature'> & { signature?: string }): string {
  const { signature: _signature, ...rest } = doc;
  return canonicalJson(rest);
}
