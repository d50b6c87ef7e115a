/**
 * The signed-in session id that every call carries (IPC meta / `X-GreenDesk-Session` header). Kept in memory, and
 * in browser mode also in sessionStorage so a reload of the tab stays signed in; cleared on sign-out and whenever
 * the server answers LOGIN_REQUIRED.
 */
import { findBridge } from './transport.js';

export const SESSION_STORAGE_KEY = 'greendesk.session';

let memory: string | null = null;

function browserStorage(): Storage | null {
  if (typeof window === 'undefined' || findBridge(window)) return null;
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readSessionId(): string | null {
  if (memory) return memory;
  const stored = browserStorage()?.getItem(SESSION_STORAGE_KEY) ?? null;
  return stored && stored.length <= 128 ? stored : null;
}

export function writeSessionId(id: string | null): void {
  memory = id;
  const storage = browserStorage();
  if (!storage) return;
  if (id) storage.setItem(SESSION_STORAGE_KEY, id);
  else storage.removeItem(SESSION_STORAGE_KEY);
}
