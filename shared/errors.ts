/**
 * The error envelope that crosses every boundary (IPC, HTTP, CLI): a stable ASCII code, a message in the
 * caller's language, and the field or row at fault when there is one. Never a thrown exception on the wire.
 */
import { errorMessage, type Lang } from './i18n/errors.js';

export interface ErrorEnvelope {
  code: string;
  message: string;
  path?: string;
  /** Structured detail where a list helps the user, e.g. every rejected row of an import. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly path: string | undefined;
  readonly params: Record<string, string | number>;
  readonly details: unknown;
  constructor(
    code: string,
    opts: { path?: string; params?: Record<string, string | number>; cause?: unknown; details?: unknown } = {},
  ) {
    super(errorMessage(code, 'en', opts.params ?? {}), { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.path = opts.path;
    this.params = opts.params ?? {};
    this.details = opts.details;
  }
  toEnvelope(lang: Lang = 'zh-CN'): ErrorEnvelope {
    const env: ErrorEnvelope = { code: this.code, message: errorMessage(this.code, lang, this.params) };
    if (this.path !== undefined) env.path = this.path;
    if (this.details !== undefined) env.details = typeof this.details === 'function' ? (this.details as (l: Lang) => unknown)(lang) : this.details;
    return env;
  }
}

/** Any thrown value as an envelope; unknown failures become INTERNAL without leaking internals. */
export function toEnvelope(err: unknown, lang: Lang = 'zh-CN'): ErrorEnvelope {
  if (err instanceof AppError) return err.toEnvelope(lang);
  return { code: 'INTERNAL', message: errorMessage('INTERNAL', lang, {}) };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };
