/**
 * A command whose first positional names a sub-command (`library import`, `export library`, `hub publish`). All
 * sub-commands are loaded when the group is (the option parser needs the union of their options up front); each
 * sub-command gets the options it declares and its positionals, and the options it does not take are refused.
 */
import { AppError } from '../../shared/errors.js';
import { GLOBAL_OPTIONS, type OptionSpec, type Parsed } from './args.js';
import type { Command } from './command.js';
import type { CliContext } from './io.js';

export async function commandGroup<M>(name: string, subcommands: Record<string, () => Promise<Command<M>>>): Promise<Command<M>> {
  const loaded = new Map<string, Command<M>>();
  for (const [sub, load] of Object.entries(subcommands)) loaded.set(sub, await load());
  const options: OptionSpec = {};
  for (const c of loaded.values()) {
    for (const [opt, spec] of Object.entries(c.options)) {
      const seen = options[opt];
      if (seen && seen.type !== spec.type) throw new Error(`${name}: option --${opt} has two types`);
      options[opt] = spec;
    }
  }
  const names = [...loaded.keys()].join(' | ');
  return {
    name,
    options,
    positionals: 1 + Math.max(0, ...[...loaded.values()].map((c) => c.positionals ?? 0)),
    async run(args: Parsed, ctx: CliContext<M>) {
      const sub = args.positionals[0];
      if (sub === undefined) throw new AppError('MISSING_ARGUMENT', { path: name, params: { name: `${name} ${names}` } });
      const command = Object.prototype.hasOwnProperty.call(subcommands, sub) ? loaded.get(sub) : undefined;
      if (!command) {
        const what = `${name} ${sub}`.slice(0, 80);
        throw new AppError('UNKNOWN_COMMAND', { path: what, params: { command: what } });
      }
      for (const [opt, value] of Object.entries(args.values)) {
        if (value === undefined || opt in GLOBAL_OPTIONS || opt in command.options) continue;
        throw new AppError('UNKNOWN_OPTION', { path: `--${opt}`, params: { option: `--${opt}` } });
      }
      const positionals = args.positionals.slice(1);
      const allowed = command.positionals ?? 0;
      if (positionals.length > allowed) {
        throw new AppError('USAGE', { params: { detail: `unexpected argument ${positionals[allowed]}` } });
      }
      await command.run({ values: args.values, positionals }, ctx);
    },
  };
}
