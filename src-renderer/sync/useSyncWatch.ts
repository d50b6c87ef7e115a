/**
 * Keeps the window's view of sync current: polls the status (every second while a round runs, every ten
 * otherwise), refreshes the app info when a round ends (the library may have changed), and asks for a round the
 * moment the computer comes back online.
 */
import { useEffect, useRef } from 'react';
import { useApi } from '../api/client.js';
import { useStatusStore } from '../stores/status.js';
import { POLL_IDLE_MS, POLL_RUNNING_MS, useSyncStore } from '../stores/sync.js';

export function useSyncWatch(win: Window = window): void {
  const client = useApi();
  const running = useSyncStore((s) => s.status?.running ?? false);
  const wasRunning = useRef(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const status = await useSyncStore.getState().loadStatus(client);
      if (stopped) return;
      timer = setTimeout(() => void tick(), status?.running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [client]);

  useEffect(() => {
    if (wasRunning.current && !running) {
      void useStatusStore.getState().loadInfo(client);
      void useSyncStore.getState().loadOutbox(client);
    }
    wasRunning.current = running;
  }, [running, client]);

  useEffect(() => {
    const online = () => {
      const s = useSyncStore.getState();
      if (s.status?.enrolled && !s.status.running && s.jobId === null) void s.run(client, 'run', 'online');
    };
    win.addEventListener('online', online);
    return () => win.removeEventListener('online', online);
  }, [client, win]);
}
