/**
 * A typed client over any transport. Transports return result envelopes, never throw across the wire; the client
 * turns an error envelope into a rejected ApiError so callers can use try/catch or a store's error state.
 */
import type { ErrorEnvelope, Result } from '../errors.js';
import { errorMessage, type Lang } from '../i18n/errors.js';
import type { Input, Method, Output } from './methods.js';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

export class ApiError extends Error {
  readonly code: string;
  readonly path: string | undefined;
  constructor(readonly envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'ApiError';
    this.code = envelope.code;
    this.path = envelope.path;
  }
}

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export function createClient(transport: Transport, lang: () => Lang = () => 'zh-CN'): ApiClient {
  return {
    async call(method, input) {
      let res: Result<unknown>;
      try {
        res = await transport(method, input);
      } catch {
        throw new ApiError({ code: 'TRANSPORT', message: errorMessage('TRANSPORT', lang(), {}) });
      }
      if (!res.ok) throw new ApiError(res.error);
      return res.value as never;
    },
  };
}
