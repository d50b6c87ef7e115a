/**
 * Retry timing for sync (network errors and 5xx): exponential back-off with jitter. The n-th retry waits between
 * half and all of min(cap, base · 2^(n−1)): with the defaults the first retry comes within 1 s (≤ 2 s), and no
 * wait is ever longer than 10 minutes.
 */
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 10 * 60 * 1000;

export function backoffDelayMs(attempt: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
  return Math.floor(ceiling * (0.5 + 0.5 * random()));
}
