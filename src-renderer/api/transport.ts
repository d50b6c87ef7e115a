/**
 * The two transports of the typed client. In Electron the preload exposes `window.greendesk.invoke`; in browser
 * mode the same contract goes over `POST /rpc/<method>` to the loopback server with the run's token.
 * Both return result envelopes; a network failure rejects and the client turns it into ApiError TRANSPORT.
 */
import type { CallMetaWire, GreenDeskBridge } from '../../shared/contract/bridge.js';
import type { Transport } from '../../shared/contract/client.js';
import type { ErrorEnvelope, Result } from '../../shared/errors.js';
import { errorMessage, type Lang } from '../../shared/i18n/errors.js';

/** What the preload exposes as `window.greendesk`. */
export type Bridge = GreenDeskBridge;

export type TransportKind = 'ipc' | 'http';

/** The preload bridge on this window, if there is one. */
export function findBridge(win: unknown): Bridge | null {
  const candidate = (win as { greendesk?: Partial<Bridge> } | undefined)?.greendesk;
  return candidate && typeof candidate.invoke === 'function' ? (candidate as Bridge) : null;
}

export function transportKind(win: unknown): TransportKind {
  return findBridge(win) ? 'ipc' : 'http';
}

/** IPC: the language and the session id go along as the call's meta (the preload passes them to main). */
export function ipcTransport(bridge: Bridge, meta: () => CallMetaWire = () => ({})): Transport {
  return (method, input) => bridge.invoke(method, input, meta());
}

export interface HttpTransportOptions {
  token: () => string | null;
  lang: () => Lang;
  fetch?: typeof fetch;
  /** Origin and path prefix; '' for the page's own origin. */
  baseUrl?: string;
  /** Called when the server refuses the token (401), so the app can show the "open the printed URL" page. */
  onUnauthorized?: () => void;
  /** The signed-in session, sent as `X-GreenDesk-Session` when there is one. */
  sessionId?: () => string | null;
}

function isEnvelope(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  if (b.ok === true) return 'value' in b;
  if (b.ok !== false || typeof b.error !== 'object' || b.error === null) return false;
  const e = b.error as Partial<ErrorEnvelope>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

function failure(code: string, lang: Lang, params: Record<string, string | number> = {}): Result<unknown> {
  return { ok: false, error: { code, message: errorMessage(code, lang, params) } };
}

export function httpTransport(opts: HttpTransportOptions): Transport {
  return async (method, input) => {
    const lang = opts.lang();
    const token = opts.token();
    if (!token) {
      opts.onUnauthorized?.();
      return failure('UNAUTHORIZED', lang);
    }
    const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-GreenDesk-Token': token, 'X-GreenDesk-Lang': lang };
    const sessionId = opts.sessionId?.();
    if (sessionId) headers['X-GreenDesk-Session'] = sessionId;
    const res = await doFetch(`${opts.baseUrl ?? ''}/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (res.status === 401) opts.onUnauthorized?.();
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (isEnvelope(body)) return body;
    // A refusal without an envelope body (should not happen with our server, but proxies exist).
    if (res.status === 401) return failure('UNAUTHORIZED', lang);
    if (res.status === 403) return failure('FORBIDDEN_HOST', lang);
    if (res.status === 404) return failure('UNKNOWN_METHOD', lang, { method });
    if (res.status === 413) return failure('BODY_TOO_LARGE', lang);
    return failure('INTERNAL', lang);
  };
}
