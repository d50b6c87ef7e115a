/**
 * `greendesk hub …`: the hub's CLI on the shared runner. `greendesk hub --data DIR --port N` (no sub-command) runs
 * the server; the sub-commands are the admin's tools.
 */
import { commandName, runCommands, type RunOptions } from '../../src-node/cli/run.js';
import type { Command } from '../../src-node/cli/command.js';
import type * as Commands from './commands.js';
import { APP_VERSION } from '../../src-node/version.js';
import { hubMessages, type HubMessages } from './messages.js';

const load = (name: keyof typeof Commands) => async () => (await import('./commands.js'))[name] as Command<HubMessages>;

export const HUB_COMMANDS: Record<string, () => Promise<Command<HubMessages>>> = {
  serve: load('serveCommand'),
  publish: load('publishCommand'),
  'publish-model': load('publishModelCommand'),
  enroll: load('enrollCommand'),
  stats: load('statsCommand'),
  import: load('importCommand'),
  export: load('exportCommand'),
};

/** The options of the hub's commands that take a value (so that value is not taken for a sub-command). */
const VALUE_OPTIONS = new Set(['--data', '--pg', '--port', '--host', '--bank', '--branch', '--days', '--out', '--lang']);

/** The sub-command named after `hub`, or undefined (`greendesk hub --data DIR` runs the server). */
function subcommandOf(rest: readonly string[]): string | undefined {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** `argv` as given to `greendesk`, starting with `hub`. */
export function runCli(argv: string[], opts: RunOptions = {}): Promise<number> {
  const rest = argv.filter((_, i) => i !== argv.indexOf('hub'));
  const sub = subcommandOf(rest);
  const bare = sub === undefined && !rest.some((a) => a === '--help' || a === '-h' || a === '--version');
  if (sub !== undefined && commandName(rest) !== sub) {
    // The runner takes the first bare word as the command: put the sub-command first.
    rest.splice(rest.indexOf(sub), 1);
    rest.unshift(sub);
  }
  return runCommands<HubMessages>(
    { commands: HUB_COMMANDS, messages: hubMessages, help: (lang) => hubMessages(lang).help, version: APP_VERSION },
    bare ? ['serve', ...rest] : rest,
    opts,
  );
}
