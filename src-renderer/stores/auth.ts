/**
 * Who is signed in: the phase of the sign-in flow, the user, and the idle lock. The session id itself lives in
 * api/session.ts (sent with every call). Nothing here is persisted: a new window asks 'auth.status'.
 */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import type { Output } from '../../shared/contract/methods.js';
import { readSessionId, writeSessionId } from '../api/session.js';
import { resetUserData } from './reset.js';

export type SessionUser = NonNullable<Output<'auth.status'>['user']>;

/** checking: asking auth.status; signedOut: the sign-in form; setup: no account yet (first administrator). */
export type AuthPhase = 'checking' | 'signedOut' | 'setup' | 'signedIn' | 'error';

/** Why the sign-in screen is shown again (a message above the form). */
export type SignOutNotice = 'expired' | 'signedOut' | null;

/** The screen locks after this long without mouse or keyboard activity. */
export const IDLE_LOCK_MS = 10 * 60 * 1000;

export interface AuthState {
  phase: AuthPhase;
  user: SessionUser | null;
  locked: boolean;
  notice: SignOutNotice;
  /** Why auth.status failed (phase 'error'). */
  error: string | null;
  idleMs: number;
  /** The last user signed in on this window: work in progress is kept for them (across a lock or an expired session), not for anyone else. */
  lastUserId: number | null;
  check(client: ApiClient): Promise<void>;
  login(client: ApiClient, username: string, password: string): Promise<void>;
  setup(client: ApiClient, input: { username: string; displayName: string; password: string }): Promise<void>;
  logout(client: ApiClient): Promise<void>;
  unlock(client: ApiClient, password: string): Promise<void>;
  lock(): void;
  /** The server no longer knows the session (LOGIN_REQUIRED): back to the sign-in screen with a message. */
  expire(): void;
}

export const initialAuthData = {
  phase: 'checking' as AuthPhase,
  user: null,
  locked: false,
  notice: null as SignOutNotice,
  error: null,
  idleMs: IDLE_LOCK_MS,
  lastUserId: null as number | null,
};

export const useAuthStore = create<AuthState>()((set, get) => {
  const signedIn = (user: SessionUser) => {
    const last = get().lastUserId;
    if (last !== null && last !== user.id) resetUserData();
    set({ phase: 'signedIn', user, locked: false, notice: null, lastUserId: user.id });
  };
  return {
    ...initialAuthData,
    async check(client) {
      set({ phase: 'checking', error: null });
      try {
        const status = await client.call('auth.status', {});
        if (status.user) signedIn(status.user);
        else {
          if (readSessionId()) writeSessionId(null);
          set({ phase: status.needsSetup ? 'setup' : 'signedOut', user: null, locked: false });
        }
      } catch (err) {
        set({ phase: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    },
    async login(client, username, password) {
      const out = await client.call('auth.login', { username: username.trim(), password });
      writeSessionId(out.sessionId);
      signedIn(out.user);
    },
    async setup(client, input) {
      const out = await client.call('auth.setup', { username: input.username.trim(), displayName: input.displayName.trim(), password: input.password });
      writeSessionId(out.sessionId);
      signedIn(out.user);
    },
    async logout(client) {
      try {
        await client.call('auth.logout', {});
      } catch {
        // Signing out locally is what matters; the server forgets idle sessions by itself.
      }
      writeSessionId(null);
      resetUserData();
      set({ phase: 'signedOut', user: null, locked: false, notice: 'signedOut', lastUserId: null });
    },
    async unlock(client, password) {
      await client.call('auth.unlock', { password });
      set({ locked: false });
    },
    lock() {
      if (get().phase === 'signedIn') set({ locked: true });
    },
    expire() {
      const { phase } = get();
      if (phase === 'signedOut' || phase === 'setup') return;
      writeSessionId(null);
      set({ phase: 'signedOut', user: null, locked: false, notice: 'expired' });
    },
  };
});
