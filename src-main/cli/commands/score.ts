/** `greendesk score FILE --db FILE [--save]`: score an applicant against the local library (and save it as a draft). */
import { createApplication, scoreApplication } from '../../services/applications.js';
import { scoreWithLibrary } from '../../services/scoring.js';
import { SYSTEM_USER } from '../../services/users.js';
import { withJsonInputAndDb } from '../input-file.js';
import type { Command } from './types.js';

export const scoreCommand: Command = {
  name: 'score',
  positionals: 1,
  options: { db: { type: 'string' }, save: { type: 'boolean' } },
  run: (args, ctx) =>
    withJsonInputAndDb(args, (raw, db) => {
      if (args.values.save === true) {
        const id = createApplication(db, SYSTEM_USER, raw);
        const saved = scoreApplication(db, SYSTEM_USER, id);
        ctx.result({ applicationId: id, scoreId: saved.id, inputHash: saved.inputHash, ...saved.result }, ctx.msg.scoreDone(saved.result, id));
      } else {
        const { result } = scoreWithLibrary(db, raw);
        ctx.result(result, ctx.msg.scoreDone(result, null));
      }
    }),
};
