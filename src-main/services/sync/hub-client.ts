/**
 * Talking to the hub over HTTP: JSON in and out, every answer validated against the protocol's schemas, a
 * timeout on every request, and retries with exponential back-off and jitter (shared/sync/backoff.ts) for what
 * may pass — network errors, timeouts, 5xx, 408/429 and answers cut off mid-way. A 4xx is the hub refusing: it
 * is not retried, and arrives as the hub's own error (code, message in our language, path, details).
 */
import type { z } from 'zod';
import { AppError, type ErrorEnvelope } from '../../../shared/errors.js';
import type { Lang } from '../../../shared/i18n/errors.js';
import { backoffDelayMs } from '../../../shared/sync/backoff.js';
import { hubErrorSchema } from '../../../shared/sync/protocol.js';

/** The hub's refusal, carried as the hub phrased it. */
export class HubRefusal extends AppError {
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope,
  ) {
    super(envelope.code, { ...(envelope.path !== undefined ? { path: envelope.path } : {}), details: envelope.details });
  }
  override toEnvelope(): ErrorEnvelope {
    return this.envelope;
  }
}

/** Whether an error is worth retrying later (the network or the hub's trouble, not a refusal). */
export function isTransient(err: unknown): boolean {
  return err instanceof AppError && ['HUB_UNREACHABLE', 'HUB_ERROR', 'HUB_BAD_RESPONSE'].includes(err.code);
}

export interface HubClientOptions {
  baseUrl: string;
  token?: string | null;
  lang?: Lang;
  timeoutMs?: number;
  /** Attempts per request, the first included (default 4). */
  attempts?: number;
  /** Back-off base (default 1 s: the first retry within 1 s). */
  backoffBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
  onRetry?: (attempt: number, delayMs: number, err: AppError) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class HubClient {
  readonly baseUrl: string;
  constructor(private readonly o: HubClientOptions) {
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
  }

  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.request('GET', path, undefined, schema);
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.request('POST', path, JSON.stringify(body), schema);
  }

  private async request<S extends z.ZodType>(method: string, path: string, body: string | undefined, schema: S): Promise<z.output<S>> {
    const attempts = this.o.attempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, path, body, schema);
      } catch (err) {
        if (!isTransient(err) || attempt >= attempts) throw err;
        const delay = backoffDelayMs(attempt, this.o.random, this.o.backoffBaseMs);
        this.o.onRetry?.(attempt, delay, err as AppError);
        await (this.o.sleep ?? defaultSleep)(delay);
      }
    }
  }

  private async once<S extends z.ZodType>(method: string, path: string, body: string | undefined, schema: S): Promise<z.output<S>> {
    const url = this.baseUrl + path;
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Greendesk-Lang': this.o.lang ?? 'zh-CN' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.o.token) headers.Authorization = `Bearer ${this.o.token}`;
    let res: Response;
    let text: string;
    try {
      res = await (this.o.fetch ?? fetch)(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000) });
      text = await res.text();
    } catch (cause) {
      const detail = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
      throw new AppError('HUB_UNREACHABLE', { params: { url: this.baseUrl, detail: detail.slice(0, 120) }, cause });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A cut-off or garbled answer: the request may or may not have been applied; the protocol makes a retry safe.
      throw new AppError(res.status >= 500 ? 'HUB_ERROR' : 'HUB_BAD_RESPONSE', { params: { status: res.status, detail: `HTTP ${res.status}, ${text.length} bytes of non-JSON` } });
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) throw new AppError('HUB_ERROR', { params: { status: res.status } });
    if (res.status >= 400) {
      const e = hubErrorSchema.safeParse(json);
      if (!e.success) throw new AppError('HUB_BAD_RESPONSE', { params: { detail: `HTTP ${res.status} without an error body` } });
      throw new HubRefusal(res.status, e.data.error as ErrorEnvelope);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('HUB_BAD_RESPONSE', { params: { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 160) } });
    }
    return parsed.data;
  }
}
