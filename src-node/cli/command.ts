/** A command of a `greendesk` CLI: its options, how many positionals it takes, and what it does. */
import type { OptionSpec, Parsed } from './args.js';
import type { CliContext } from './io.js';

export interface Command<M = unknown> {
  name: string;
  options: OptionSpec;
  /** How many positional arguments the command takes at most (default 0); it checks them itself. */
  positionals?: number;
  run(args: Parsed, ctx: CliContext<M>): Promise<void>;
}
