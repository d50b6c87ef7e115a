/**
 * The one dispatch: method name + raw input → validated input → handler → validated output, as a result
 * envelope. Every transport calls this; nothing thrown ever crosses a transport.
 */
import { type z } from 'zod';
import { accessOf, contract, isMethod, type Method, type Output, type ParsedInput } from '../../shared/contract/methods.js';
import { AppError, toEnvelope, type Result } from '../../shared/errors.js';
import { hasErrorMessage, type Lang } from '../../shared/i18n/errors.js';

import type { SessionUser } from '../services/sessions.js';

export interface CallContext {
  lang: Lang;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** The session id the call carried (for sign-out). */
  sessionId: string | undefined;
}

/** What a transport knows of a call: its language and the session id it carried. */
export interface CallMeta {
  lang?: Lang;
  sessionId?: string;
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>> };

export type Dispatch = (method: string, input: unknown, meta?: CallMeta) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  resolveSession?: (sessionId: string | undefined) => SessionUser | null;
  onInternalError?: (err: unknown, method: string) => void;
}

/**
 * Turns zod issues into an error naming the first field at fault: the domain's own code where a refinement gave
 * one (e.g. USCC_CHECK_DIGIT), VALIDATION otherwise.
 */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  if (issue && /^[A-Z][A-Z0-9_]+$/.test(issue.message) && hasErrorMessage(issue.message)) {
    return new AppError(issue.message, { ...(path !== undefined ? { path } : {}), params: { field: path ?? '', value: '' } });
  }
  const detail = issue ? `${path ?? '(root)'}: ${issue.message}` : 'invalid';
  return new AppError('VALIDATION', { ...(path !== undefined ? { path } : {}), params: { detail } });
}

export function createDispatcher(handlers: Handlers, opts: DispatcherOptions = {}): Dispatch {
  return async (method, rawInput, meta) => {
    const ctx: CallContext = { lang: meta?.lang ?? 'zh-CN', user: null, sessionId: meta?.sessionId };
    try {
      if (!isMethod(method)) throw new AppError('UNKNOWN_METHOD', { params: { method: method.slice(0, 80) } });
      const spec = contract[method];
      ctx.user = opts.resolveSession?.(meta?.sessionId) ?? null;
      const access = accessOf(method);
      if (access !== 'public') {
        if (!ctx.user) throw new AppError('LOGIN_REQUIRED');
        if (access !== 'user' && !access.includes(ctx.user.role)) throw new AppError('ROLE_NOT_ALLOWED', { params: { role: ctx.user.role } });
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${method} breaks the contract: ${checked.error.message}`);
      return { ok: true, value: checked.data };
    } catch (err) {
      if (!(err instanceof AppError)) opts.onInternalError?.(err, method);
      return { ok: false, error: toEnvelope(err, ctx.lang) };
    }
  };
}
