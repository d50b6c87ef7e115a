/** The `FILE --db FILE` pattern of `score` and `check`: a JSON input file and an existing database. */
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { openDatabase, type AppDb } from '../db/open.js';
import { requireString, type Parsed } from '../../src-node/cli/args.js';
import { readJsonFile } from '../../src-node/cli/json-file.js';

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
