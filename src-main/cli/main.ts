/** The `greendesk` command: global options, one command per module, exit codes and errors as PRODUCT.md fixes. */
import { AppError } from '../../shared/errors.js';
import { parseLang, type Lang } from '../../shared/i18n/errors.js';
import { APP_VERSION } from '../services/app-version.js';
import { parse } from './args.js';
import type { Command } from './commands/types.js';
import { makeContext, processIo, reportError, type CliIo } from './io.js';
import { cliMessages } from './messages.js';

/** Commands load on demand, so `--help` and a mistyped command answer without opening anything. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  score: async () => (await import('./commands/score.js')).scoreCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  library: async () => (await import('./commands/library.js')).libraryCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
};

/** The first argument that is neither an option nor the value of --lang. */
function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  return parseLang(inline ? inline.slice('--lang='.length) : i >= 0 ? argv[i + 1] : process.env.GREENDESK_LANG);
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

export interface RunOptions {
  io?: CliIo;
  untilStopped?: () => Promise<void>;
}

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<number> {
  const io = opts.io ?? processIo;
  const lang = langOf(argv);
  const json = argv.includes('--json');
  try {
    const name = commandName(argv);
    if (name === undefined) {
      const p = parse(argv, {});
      if (p.values.version) io.stdout(json ? JSON.stringify({ version: APP_VERSION }) + '\n' : APP_VERSION + '\n');
      else io.stdout(json ? JSON.stringify({ help: cliMessages(lang).help }) + '\n' : cliMessages(lang).help + '\n');
      return 0;
    }
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new AppError('UNKNOWN_COMMAND', { path: name.slice(0, 80), params: { command: name.slice(0, 80) } });
    const command = await load();
    const rest = argv.filter((a, i) => i !== argv.indexOf(name));
    const parsed = parse(rest, command.options);
    if (parsed.values.help) {
      io.stdout(cliMessages(lang).help + '\n');
      return 0;
    }
    if (parsed.values.lang !== undefined && !['zh-CN', 'en'].includes(String(parsed.values.lang))) {
      throw new AppError('BAD_ARGUMENT', { path: '--lang', params: { name: '--lang', value: String(parsed.values.lang) } });
    }
    if (parsed.positionals.length > (command.positionals ?? 0)) {
      throw new AppError('USAGE', { params: { detail: `unexpected argument ${parsed.positionals[command.positionals ?? 0]}` } });
    }
    await command.run(parsed, makeContext(io, json, lang, opts.untilStopped ?? waitForSignal));
    return 0;
  } catch (err) {
    return reportError(io, err, lang);
  }
}
