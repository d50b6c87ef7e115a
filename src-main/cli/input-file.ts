/** The `FILE --db FILE` pattern of `score` and `check`: a JSON input file and an existing database. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { openDatabase, type AppDb } from '../db/open.js';
import { requireString, type Parsed } from '../../src-node/cli/args.js';

const MAX_INPUT_BYTES = 1024 * 1024;

export function readJsonFile(file: string): unknown {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', { path: file, params: { file } });
  }
  if (size === 0) throw new AppError('FILE_EMPTY', { path: file });
  if (size > MAX_INPUT_BYTES) throw new AppError('FILE_TOO_LARGE', { path: file, params: { max: 1 } });
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('NOT_JSON', { path: file, params: { detail: (e as Error).message.slice(0, 120) } });
  }
}

/** Reads the FILE argument as JSON, opens the --db database (which must exist), runs `fn`, and closes it. */
export async function withJsonInputAndDb<T>(args: Parsed, fn: (raw: unknown, db: AppDb) => T): Promise<T> {
  const file = args.positionals[0];
  if (!file) throw new AppError('MISSING_ARGUMENT', { path: 'FILE', params: { name: 'FILE' } });
  const raw = readJsonFile(resolve(file));
  const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
  try {
    return fn(raw, db);
  } finally {
    await db.close();
  }
}
