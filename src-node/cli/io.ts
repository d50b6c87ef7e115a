/** How a command talks back: one JSON document with --json, plain lines otherwise; errors as JSON on stderr. */
import { AppError, toEnvelope } from '../../shared/errors.js';
import type { Lang } from '../../shared/i18n/errors.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** What a command works with; `M` is its CLI's own message catalog (the app's, the hub's). */
export interface CliContext<M = unknown> {
  io: CliIo;
  json: boolean;
  lang: Lang;
  msg: M;
  /** Prints the command's result: the JSON document with --json, the human line otherwise. */
  result(value: unknown, human: string): void;
  /** Progress and notices for a person: stderr, never mixed into --json output. */
  notice(text: string): void;
  /** Resolves when the user asks a long-running command to stop (Ctrl+C / SIGTERM). */
  untilStopped(): Promise<void>;
}

export function makeContext<M>(io: CliIo, json: boolean, lang: Lang, msg: M, untilStopped: () => Promise<void>): CliContext<M> {
  return {
    io,
    json,
    lang,
    msg,
    result(value, human) {
      io.stdout(json ? JSON.stringify(value) + '\n' : human + '\n');
    },
    notice(text) {
      io.stderr(text + '\n');
    },
    untilStopped,
  };
}

/**
 * Exit code 1: failures of the environment, not of what the user gave (an unreadable database, a busy port, an
 * unbuilt renderer). Every other AppError is about the input or the arguments: exit 2. Anything unexpected: 1.
 */
export const FAILURE_CODES = new Set([
  'INTERNAL', 'DB_OPEN_FAILED', 'RENDERER_NOT_BUILT', 'PORT_IN_USE', 'TRANSPORT', 'HUB_UNREACHABLE', 'HUB_ERROR', 'HUB_BAD_RESPONSE', 'HUB_DB_UNREACHABLE', 'DB_BUSY',
]);

export function reportError(io: CliIo, err: unknown, lang: Lang): number {
  const envelope = toEnvelope(err, lang);
  io.stderr(JSON.stringify({ error: envelope }) + '\n');
  if (!(err instanceof AppError) && process.env.GREENDESK_DEBUG) io.stderr(String((err as Error)?.stack ?? err) + '\n');
  return err instanceof AppError && !FAILURE_CODES.has(err.code) ? 2 : 1;
}
