/** `greendesk library import FILE --db FILE [--skip-invalid]`: a city snapshot (.json, .csv, .xlsx) into the local library. */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { openDatabase } from '../../db/open.js';
import { runLibraryImport } from '../../services/library-import/import.js';
import { requireString } from '../../../src-node/cli/args.js';
import { terminalProgress } from '../../../src-node/cli/progress.js';
import type { Command } from './types.js';

const PHASES_ZH: Record<string, string> = { read: '读取', validate: '校验', write: '写入', done: '完成' };

export const libraryImportCommand: Command = {
  name: 'import',
  positionals: 1,
  options: { db: { type: 'string' }, 'skip-invalid': { type: 'boolean' } },
  async run(args, ctx) {
    const file = args.positionals[0];
    if (!file) throw new AppError('MISSING_ARGUMENT', { path: 'FILE', params: { name: 'FILE' } });
    const dbFile = resolve(requireString(args, 'db'));
    const tty = process.stderr.isTTY === true;
    const progress = terminalProgress(ctx.lang, PHASES_ZH);
    const db = openDatabase(dbFile);
    try {
      const result = await runLibraryImport(db, resolve(file), {
        fileName: file,
        skipInvalid: args.values['skip-invalid'] === true,
        lang: ctx.lang,
        onProgress: progress,
      });
      const rejectedLines = result.rejected.map((r) => `  ${r.row}\t${r.field}\t${r.code}\t${r.message}`).join('\n');
      ctx.result(result, ctx.msg.importDone(result) + (result.rejected.length ? `\n${rejectedLines}` : ''));
    } catch (err) {
      if (tty) process.stderr.write('\n');
      if (!ctx.json && err instanceof AppError && err.code === 'INVALID_ROWS') {
        const details = err.toEnvelope(ctx.lang).details as { rejected: { row: number; field: string; code: string; message: string }[] };
        ctx.notice(details.rejected.map((r) => `  ${r.row}\t${r.field}\t${r.code}\t${r.message}`).join('\n'));
      }
      throw err;
    } finally {
      await db.close();
    }
  },
};
