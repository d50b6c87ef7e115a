/**
 * The app's typed API client. `api` picks its transport per call: the Electron bridge when the preload exposed one,
 * HTTP to the browser-mode server otherwise. Every call carries the UI language and the signed-in session id.
 * Components get the client from ApiContext so tests can pass a fake.
 */
import { createContext, useContext } from 'react';
import { ApiError, createClient, type ApiClient, type Transport } from '../../shared/contract/client.js';
import type { Lang } from '../../shared/i18n/errors.js';
import { useSessionStore } from '../stores/session.js';
import { useUiStore } from '../stores/ui.js';
import { readSessionId } from './session.js';
import { readToken } from './token.js';
import { findBridge, httpTransport, ipcTransport } from './transport.js';

export interface ClientEnv {
  win: unknown;
  token: () => string | null;
  lang: () => Lang;
  /** The signed-in session id, if any. */
  sessionId?: () => string | null;
  fetch?: typeof fetch;
  onUnauthorized?: () => void;
}

/** The transport for this window, chosen now. */
export function pickTransport(env: ClientEnv): Transport {
  const bridge = findBridge(env.win);
  if (bridge) {
    return ipcTransport(bridge, () => {
      const sessionId = env.sessionId?.();
      return { lang: env.lang(), ...(sessionId ? { sessionId } : {}) };
    });
  }
  return httpTransport({ token: env.token, lang: env.lang, fetch: env.fetch, onUnauthorized: env.onUnauthorized, sessionId: env.sessionId });
}

export function createAppClient(env: () => ClientEnv): ApiClient {
  return createClient((method, input) => pickTransport(env())(method, input));
}

/**
 * Wraps a client so that a LOGIN_REQUIRED answer (the session ended: expired on the server, or signed out
 * elsewhere) calls `onLoginRequired` before the error reaches the caller.
 */
export function guardSession(client: ApiClient, onLoginRequired: () => void): ApiClient {
  return {
    async call(method, input) {
      try {
        return await client.call(method, input);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'LOGIN_REQUIRED') onLoginRequired();
        throw err;
      }
    },
  };
}

function windowEnv(): ClientEnv {
  return {
    win: typeof window === 'undefined' ? undefined : window,
    token: () => readToken(),
    lang: () => useUiStore.getState().lang,
    sessionId: () => readSessionId(),
    onUnauthorized: () => useSessionStore.getState().setAuth('unauthorized'),
  };
}

/** The one client of the running app. */
export const api: ApiClient = createAppClient(windowEnv);

export const ApiContext = createContext<ApiClient>(api);

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
