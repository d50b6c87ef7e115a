/**
 * The app's typed API client. `api` picks its transport per call: the Electron bridge when the preload exposed one,
 * HTTP to the browser-mode server otherwise. Components get the client from ApiContext so tests can pass a fake.
 */
import { createContext, useContext } from 'react';
import { createClient, type ApiClient, type Transport } from '../../shared/contract/client.js';
import type { Lang } from '../../shared/i18n/errors.js';
import { useSessionStore } from '../stores/session.js';
import { useUiStore } from '../stores/ui.js';
import { readToken } from './token.js';
import { findBridge, httpTransport, ipcTransport } from './transport.js';

export interface ClientEnv {
  win: unknown;
  token: () => string | null;
  lang: () => Lang;
  fetch?: typeof fetch;
  onUnauthorized?: () => void;
}

/** The transport for this window, chosen now. */
export function pickTransport(env: ClientEnv): Transport {
  const bridge = findBridge(env.win);
  if (bridge) return ipcTransport(bridge);
  return httpTransport({ token: env.token, lang: env.lang, fetch: env.fetch, onUnauthorized: env.onUnauthorized });
}

export function createAppClient(env: () => ClientEnv): ApiClient {
  return createClient((method, input) => pickTransport(env())(method, input));
}

function windowEnv(): ClientEnv {
  return {
    win: typeof window === 'undefined' ? undefined : window,
    token: () => readToken(),
    lang: () => useUiStore.getState().lang,
    onUnauthorized: () => useSessionStore.getState().setAuth('unauthorized'),
  };
}

/** The one client of the running app. */
export const api: ApiClient = createAppClient(windowEnv);

export const ApiContext = createContext<ApiClient>(api);

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
