/**
 * Running a `greendesk` CLI: global options (--json, --lang, --help, --version), one command per name loaded on
 * demand, and the exit codes and errors PRODUCT.md fixes. The app's CLI (src-main/cli) and the hub's (src-hub/cli)
 * are two command sets over this one runner.
 */
import { AppError } from '../../shared/errors.js';
import { parseLang, type Lang } from '../../shared/i18n/errors.js';
import { parse } from './args.js';
import type { Command } from './command.js';
import { makeContext, processIo, reportError, type CliIo } from './io.js';

/** The first argument that is neither an option nor the value of --lang. */
export function commandName(argv: readonly string[]): string | undefined {
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

export function langOf(argv: readonly string[]): Lang {
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

export interface CliDefinition<M> {
  commands: Record<string, () => Promise<Command<M>>>;
  messages: (lang: Lang) => M;
  help: (lang: Lang) => string;
  version: string;
}

export async function runCommands<M>(def: CliDefinition<M>, argv: string[], opts: RunOptions = {}): Promise<number> {
  const io = opts.io ?? processIo;
  const lang = langOf(argv);
  const json = argv.includes('--json');
  try {
    const name = commandName(argv);
    if (name === undefined) {
      const p = parse(argv, {});
      if (p.values.version) io.stdout(json ? JSON.stringify({ version: def.version }) + '\n' : def.version + '\n');
      else io.stdout(json ? JSON.stringify({ help: def.help(lang) }) + '\n' : def.help(lang) + '\n');
      return 0;
    }
    const load = Object.prototype.hasOwnProperty.call(def.commands, name) ? def.commands[name] : undefined;
    if (!load) throw new AppError('UNKNOWN_COMMAND', { path: name.slice(0, 80), params: { command: name.slice(0, 80) } });
    const command = await load();
    const rest = argv.filter((_, i) => i !== argv.indexOf(name));
    const parsed = parse(rest, command.options);
    if (parsed.values.help) {
      io.stdout(def.help(lang) + '\n');
      return 0;
    }
    if (parsed.values.lang !== undefined && !['zh-CN', 'en'].includes(String(parsed.values.lang))) {
      throw new AppError('BAD_ARGUMENT', { path: '--lang', params: { name: '--lang', value: String(parsed.values.lang) } });
    }
    if (parsed.positionals.length > (command.positionals ?? 0)) {
      throw new AppError('USAGE', { params: { detail: `unexpected argument ${parsed.positionals[command.positionals ?? 0]}` } });
    }
    await command.run(parsed, makeContext(io, json, lang, def.messages(lang), opts.untilStopped ?? waitForSignal));
    return 0;
  } catch (err) {
    return reportError(io, err, lang);
  }
}
