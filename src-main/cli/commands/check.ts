/** `greendesk check FILE --db FILE [--save]`: the post-loan rules on a check; invoices compared with other loans. */
import { checkWithDb, saveCheck } from '../../services/checks.js';
import { SYSTEM_USER } from '../../services/users.js';
import { withJsonInputAndDb } from '../input-file.js';
import type { Command } from './types.js';

export const checkCommand: Command = {
  name: 'check',
  positionals: 1,
  options: { db: { type: 'string' }, save: { type: 'boolean' } },
  run: (args, ctx) =>
    withJsonInputAndDb(args, (raw, db) => {
      if (args.values.save === true) {
        const { checkId, run } = saveCheck(db, SYSTEM_USER, raw);
        ctx.result({ checkId, inputHash: run.inputHash, ...run.result }, ctx.msg.checkDone(run.result, checkId));
      } else {
        const { result } = checkWithDb(db, raw);
        ctx.result(result, ctx.msg.checkDone(result, null));
      }
    }),
};
