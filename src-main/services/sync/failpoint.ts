/**
 * Crash points for the kill tests: `GREENDESK_FAILPOINT=name[:n]` makes the process SIGKILL itself the n-th time
 * (default the first) it reaches the named point — inside a transaction, between two statements, where no signal
 * from outside could be aimed. Without the variable (always, outside those tests) a failpoint does nothing.
 */
const spec = process.env.GREENDESK_FAILPOINT;
const [target, nth] = spec ? [spec.split(':')[0], Number(spec.split(':')[1] ?? '1')] : [undefined, 0];
let hits = 0;

export function failpoint(name: string): void {
  if (target === undefined || name !== target) return;
  if (++hits === nth) process.kill(process.pid, 'SIGKILL');
}
