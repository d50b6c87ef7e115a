/** Whether this window may call the services: in browser mode it needs the run's access token. */
import { create } from 'zustand';

export type AuthState = 'ok' | 'missing' | 'unauthorized';

export interface SessionState {
  auth: AuthState;
  setAuth(auth: AuthState): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  auth: 'ok',
  setAuth: (auth) => set({ auth }),
}));
