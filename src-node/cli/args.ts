/** Argument parsing on node:util parseArgs, with every mistake turned into an AppError (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new AppError('UNKNOWN_OPTION', { path: option, params: { option } });
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new AppError('MISSING_ARGUMENT', { path: option, params: { name: option } });
    }
    throw new AppError('USAGE', { params: { detail: err.message.split('\n')[0] ?? '' } });
  }
}

export function requireString(p: Parsed, name: string): string {
  const v = p.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('MISSING_ARGUMENT', { path: `--${name}`, params: { name: `--${name}` } });
  return v;
}

/** An optional integer option within [min, max]. */
export function intOption(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = p.values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new AppError('BAD_ARGUMENT', { path: `--${name}`, params: { name: `--${name}`, value: String(v) } });
  }
  return n;
}
