/** Progress of long work on a terminal: one line on stderr, rewritten in place ("写入 12,000 / 100,000"). */
import type { Lang } from '../../shared/i18n/errors.js';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** A reporter that draws on stderr when it is a terminal, and does nothing otherwise (pipes, --json, CI). */
export function terminalProgress(lang: Lang, phaseNames: Record<string, string>, stream: NodeJS.WriteStream = process.stderr): (p: Progress) => void {
  const tty = stream.isTTY === true;
  return (p) => {
    if (!tty) return;
    const phase = lang === 'en' ? p.phase : (phaseNames[p.phase] ?? p.phase);
    const count = p.total > 0 ? `${p.done.toLocaleString()} / ${p.total.toLocaleString()}` : p.done.toLocaleString();
    stream.write(`\r${phase} ${count}        `);
    if (p.phase === 'done') stream.write('\n');
  };
}
