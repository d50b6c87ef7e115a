/** What the status bar shows: app and database info from 'app.info', and whether the computer is online. */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import type { Output } from '../../shared/contract/methods.js';

export type AppInfo = Output<'app.info'>;

export interface StatusState {
  info: AppInfo | null;
  infoError: string | null;
  online: boolean;
  loadInfo(client: ApiClient): Promise<void>;
  setOnline(online: boolean): void;
}

export const useStatusStore = create<StatusState>()((set) => ({
  info: null,
  infoError: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  async loadInfo(client) {
    try {
      const info = await client.call('app.info', {});
      set({ info, infoError: null });
    } catch (err) {
      set({ infoError: err instanceof Error ? err.message : String(err) });
    }
  },
  setOnline: (online) => set({ online }),
}));

/** Follows navigator.onLine through the window's online/offline events; returns the unsubscribe. */
export function watchOnline(win: Window = window): () => void {
  const update = () => useStatusStore.getState().setOnline(win.navigator.onLine);
  update();
  win.addEventListener('online', update);
  win.addEventListener('offline', update);
  return () => {
    win.removeEventListener('online', update);
    win.removeEventListener('offline', update);
  };
}
