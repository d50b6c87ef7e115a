/**
 * The app's `greendesk` commands (the hub's, `greendesk hub …`, are src-hub/cli; bin/greendesk.mjs routes between
 * the two). Global options, exit codes and errors are the shared runner's (src-node/cli/run.ts).
 */
import { APP_VERSION } from '../../src-node/version.js';
import { runCommands, type RunOptions } from '../../src-node/cli/run.js';
import type { Command } from './commands/types.js';
import { cliMessages, type CliMessages } from './messages.js';

/** Commands load on demand, so `--help` and a mistyped command answer without opening anything. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  score: async () => (await import('./commands/score.js')).scoreCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  library: async () => (await import('./commands/library.js')).libraryCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  sync: async () => (await import('./commands/sync.js')).syncCommand,
  model: async () => (await import('./commands/model.js')).modelCommand,
};

export type { RunOptions };

export function runCli(argv: string[], opts: RunOptions = {}): Promise<number> {
  return runCommands<CliMessages>(
    { commands: COMMANDS, messages: cliMessages, help: (lang) => cliMessages(lang).help, version: APP_VERSION },
    argv,
    opts,
  );
}
