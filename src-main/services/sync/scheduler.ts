/**
 * Sync by itself: while the app runs, a tick every 30 seconds decides whether to run a round — when entries are
 * waiting, or when the last good round is older than the interval (5 minutes). After a failure it backs off
 * (shared/sync/backoff.ts: first retry within 2 s, never more than 10 minutes); while the hub cannot be reached
 * it only probes (a cheap GET /v1/health), and the moment the hub answers — a connection appeared — it runs a
 * round. `nudge()` (the window saw the network come back, or a user saved something) runs one soon.
 */
import { backoffDelayMs } from '../../../shared/sync/backoff.js';
import type { SyncService } from './service.js';

export interface SchedulerOptions {
  tickMs?: number;
  intervalMs?: number;
  random?: () => number;
  now?: () => number;
  log?: (line: string) => void;
}

export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private notBefore = 0;
  private lastOk = 0;
  private stopped = true;
  private ticking = false;

  constructor(
    private readonly sync: SyncService,
    private readonly o: SchedulerOptions = {},
  ) {}

  private get now(): number {
    return this.o.now?.() ?? Date.now();
  }

  start(firstInMs = 3000): void {
    this.stopped = false;
    this.schedule(firstInMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Run a round soon (and forget the back-off: something changed). */
  nudge(): void {
    this.notBefore = 0;
    if (!this.stopped) this.schedule(500);
  }

  /** For the status: when the next automatic attempt may run (ms since epoch), or null when none is due. */
  nextAttemptAt(): number | null {
    return this.failures > 0 ? this.notBefore : null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }

  /** One decision; exposed for tests. */
  async tick(): Promise<'idle' | 'ran' | 'failed' | 'probed' | 'waiting'> {
    if (this.ticking) return 'waiting';
    this.ticking = true;
    try {
      return await this.decide();
    } finally {
      this.ticking = false;
      this.schedule(this.o.tickMs ?? 30_000);
    }
  }

  private async decide(): Promise<'idle' | 'ran' | 'failed' | 'probed' | 'waiting'> {
    const st = this.sync.status();
    if (!st.enrolled || this.sync.isRunning()) return 'idle';
    if (this.now < this.notBefore) {
      // Backing off. A hub that could not be reached is probed: when it answers, the wait is over.
      if (st.reachable === false && (await this.sync.probe())) this.notBefore = 0;
      else return 'probed';
    }
    const due = st.outbox.pending > 0 || st.pull !== null || this.now - this.lastOk >= (this.o.intervalMs ?? 5 * 60_000);
    if (!due) return 'idle';
    const r = await this.sync.runRound('auto');
    if (r.ok) {
      this.failures = 0;
      this.notBefore = 0;
      this.lastOk = this.now;
      return 'ran';
    }
    this.failures++;
    this.notBefore = this.now + backoffDelayMs(this.failures, this.o.random);
    this.o.log?.(`[sync] round failed (${r.error?.code}); next attempt in ${Math.round((this.notBefore - this.now) / 1000)} s`);
    return 'failed';
  }
}
