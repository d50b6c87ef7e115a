/** Contract: long work (imports, exports, sync) runs as a job the window polls for progress and its result. */
import { z } from 'zod';

export const jobStateSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  progress: z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string(), path: z.string().optional(), details: z.unknown().optional() }).optional(),
});
export type JobState = z.infer<typeof jobStateSchema>;

export const jobMethods = {
  'jobs.get': {
    access: 'user',
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: jobStateSchema,
  },
} as const;
