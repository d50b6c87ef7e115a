/** `greendesk check FILE --db FILE [--save]`: the post-loan rules on a check; invoices compared with other loans. */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { openDatabase } from '../../db/open.js';
import { checkWithDb, saveCheck } from '../../services/checks.js';
import { SYSTEM_USER } from '../../services/users.js';
import { requireString } from '../args.js';
import { readJsonFile } from './score.js';
import type { Command } from './types.js';

export const checkCommand: Command = {
  name: 'check',
  positionals: 1,
  options: { db: { type: 'string' }, save: { type: 'boolean' } },
  async run(args, ctx) {
    const file = args.positionals[0];
    if (!file) throw new AppError('MISSING_ARGUMENT', { path: 'FILE', params: { name: 'FILE' } });
    const raw = readJsonFile(resolve(file));
    const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
    try {
      if (args.values.save === true) {
        const { checkId, run } = saveCheck(db, SYSTEM_USER, raw);
        ctx.result({ checkId, inputHash: run.inputHash, ...run.result }, ctx.msg.checkDone(run.result, checkId));
      } else {
        const { result } = checkWithDb(db, raw);
        ctx.result(result, ctx.msg.checkDone(result, null));
      }
    } finally {
      await db.close();
    }
  },
};
