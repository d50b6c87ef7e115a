/**
 * Browser mode's access token: it arrives once in the page URL (`/?token=…`, printed by `greendesk serve`), is kept in
 * sessionStorage for this tab and removed from the address bar so it does not linger in history or screenshots.
 */
export const TOKEN_STORAGE_KEY = 'greendesk.token';

export interface TokenEnv {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Moves a `token` query parameter into storage; returns the token to use (from the URL or kept earlier) or null. */
export function captureToken(env: TokenEnv = { location: window.location, history: window.history, storage: sessionStorage }): string | null {
  const params = new URLSearchParams(env.location.search);
  if (params.has('token')) {
    const fromUrl = params.get('token')?.trim() ?? '';
    if (fromUrl) env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${rest ? `?${rest}` : ''}${env.location.hash}`);
  }
  return readToken(env.storage);
}

export function readToken(storage: Pick<Storage, 'getItem'> = sessionStorage): string | null {
  const token = storage.getItem(TOKEN_STORAGE_KEY);
  return token ? token : null;
}
