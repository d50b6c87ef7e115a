import type { Command as GenericCommand } from '../../../src-node/cli/command.js';
import type { CliMessages } from '../messages.js';

/** A command of the app's CLI: its context carries the app's messages. */
export type Command = GenericCommand<CliMessages>;
