/**
 * Contract: staging a file the user picked or dropped, in chunks, the same way over IPC and HTTP. A staged file
 * lives in the app's data folder until it is used or expires; nothing reads a path the renderer names.
 */
import { z } from 'zod';

export const MAX_STAGED_BYTES = 200 * 1024 * 1024;
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;

const stagedId = z.string().regex(/^[a-f0-9]{32}$/);

export const fileMethods = {
  'files.stageBegin': {
    access: 'user',
    input: z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0).max(MAX_STAGED_BYTES) }).strict(),
    output: z.object({ stagedId }),
  },
  'files.stageChunk': {
    access: 'user',
    input: z
      .object({
        stagedId,
        offset: z.number().int().min(0).max(MAX_STAGED_BYTES),
        // base64 of at most STAGE_CHUNK_BYTES bytes
        dataBase64: z.string().max(Math.ceil(STAGE_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
    output: z.object({ received: z.number().int() }),
  },
  'files.stageEnd': {
    access: 'user',
    input: z.object({ stagedId }).strict(),
    output: z.object({ stagedId, name: z.string(), size: z.number().int(), sha256: z.string() }),
  },
} as const;
