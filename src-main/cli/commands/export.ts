/**
 * `greendesk export <kind> --db FILE --out FILE …`: exports. Each kind is one entry of KINDS (a Command of its
 * own); an unknown kind is UNKNOWN_COMMAND (exit 2). Kinds still to come: ledger, cerf, checks, bundle, pubkey.
 *
 *   greendesk export library --db FILE --out FILE.xlsx|.csv [--q TEXT] [--library L] [--district D]
 *                            [--category C] [--status S] [--industry PREFIX]
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { openDatabase } from '../../db/open.js';
import { exportFormatOf, writeLibraryFile } from '../../services/library-export.js';
import { requireString } from '../../../src-node/cli/args.js';
import { commandGroup } from '../../../src-node/cli/group.js';
import { FILTER_OPTIONS, filterFromArgs, queryText } from './library.js';
import type { Command } from './types.js';

/** The output file of an export, checked for a table extension (.xlsx or .csv) before anything is opened. */
function tableOut(args: Parameters<Command['run']>[0]): string {
  const out = resolve(requireString(args, 'out'));
  try {
    exportFormatOf(out);
  } catch {
    throw new AppError('BAD_ARGUMENT', { path: '--out', params: { name: '--out', value: String(args.values.out).slice(0, 80) } });
  }
  return out;
}

export const exportLibraryCommand: Command = {
  name: 'library',
  options: { db: { type: 'string' }, out: { type: 'string' }, q: { type: 'string' }, ...FILTER_OPTIONS },
  async run(args, ctx) {
    const out = tableOut(args);
    const filter = filterFromArgs(args);
    const q = args.values.q;
    if (typeof q === 'string') filter.q = queryText(q, '--q');
    const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
    try {
      const { rows } = await writeLibraryFile(db, filter, out);
      ctx.result({ out, rows }, ctx.msg.exportDone(out, rows));
    } finally {
      await db.close();
    }
  },
};

/** One entry per export kind, loaded on demand. */
const KINDS: Record<string, () => Promise<Command>> = {
  library: async () => exportLibraryCommand,
};

export const exportCommand: Command = await commandGroup('export', KINDS);
