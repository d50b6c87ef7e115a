/**
 * The one dispatch: method name + raw input → validated input → handler → validated output, as a result
 * envelope. Every transport calls this; nothing thrown ever crosses a transport.
 */
import { type z } from 'zod';
import { contract, isMethod, type Method, type Output, type ParsedInput } from '../../shared/contract/methods.js';
import { AppError, toEnvelope, type Result } from '../../shared/errors.js';
import type { Lang } from '../../shared/i18n/errors.js';

export interface CallContext {
  lang: Lang;
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>> };

export type Dispatch = (method: string, input: unknown, ctx?: Partial<CallContext>) => Promise<Result<unknown>>;

/** Turns zod issues into a VALIDATION error naming the first field at fault. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const detail = issue ? `${path ?? '(root)'}: ${issue.message}` : 'invalid';
  return new AppError('VALIDATION', { ...(path !== undefined ? { path } : {}), params: { detail } });
}

export function createDispatcher(handlers: Handlers, onInternalError?: (err: unknown, method: string) => void): Dispatch {
  return async (method, rawInput, partialCtx) => {
    const ctx: CallContext = { lang: partialCtx?.lang ?? 'zh-CN' };
    try {
      if (!isMethod(method)) throw new AppError('UNKNOWN_METHOD', { params: { method: method.slice(0, 80) } });
      const spec = contract[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${method} breaks the contract: ${checked.error.message}`);
      return { ok: true, value: checked.data };
    } catch (err) {
      if (!(err instanceof AppError)) onInternalError?.(err, method);
      return { ok: false, error: toEnvelope(err, ctx.lang) };
    }
  };
}
