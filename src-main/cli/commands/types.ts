import type { OptionSpec, Parsed } from '../args.js';
import type { CliContext } from '../io.js';

export interface Command {
  name: string;
  options: OptionSpec;
  run(args: Parsed, ctx: CliContext): Promise<void>;
}
