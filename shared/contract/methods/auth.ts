/** Contract: signing in with a local account, the first administrator, the idle lock, and users (admin). */
import { z } from 'zod';
import { ROLES } from '../../applications/lifecycle.js';

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum([...ROLES, 'system']),
});

const username = z.string().trim().min(1).max(32);
const password = z.string().min(1).max(256);

export const authMethods = {
  'auth.status': {
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ needsSetup: z.boolean(), user: sessionUserSchema.nullable() }),
  },
  /** Creates the first administrator; refused once any account exists. */
  'auth.setup': {
    access: 'public',
    input: z.object({ username, displayName: z.string().trim().max(50), password }).strict(),
    output: z.object({ sessionId: z.string(), user: sessionUserSchema }),
  },
  'auth.login': {
    access: 'public',
    input: z.object({ username, password }).strict(),
    output: z.object({ sessionId: z.string(), user: sessionUserSchema }),
  },
  'auth.logout': { access: 'public', input: z.object({}).strict(), output: z.object({}) },
  /** Re-enters the password to unlock a screen locked after idle time. */
  'auth.unlock': { access: 'user', input: z.object({ password }).strict(), output: z.object({ ok: z.literal(true) }) },
  'users.list': {
    access: ['admin'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(sessionUserSchema.extend({ disabled: z.boolean(), createdAt: z.string() })) }),
  },
  'users.create': {
    access: ['admin'],
    input: z.object({ username, displayName: z.string().trim().max(50), role: z.enum(ROLES), password }).strict(),
    output: sessionUserSchema,
  },
} as const;
