/** `greendesk score FILE --db FILE [--save]`: score an applicant against the local library (and save it as a draft). */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { openDatabase } from '../../db/open.js';
import { createApplication, scoreApplication } from '../../services/applications.js';
import { scoreWithLibrary } from '../../services/scoring.js';
import { SYSTEM_USER } from '../../services/users.js';
import { requireString } from '../args.js';
import type { Command } from './types.js';

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

export const scoreCommand: Command = {
  name: 'score',
  positionals: 1,
  options: { db: { type: 'string' }, save: { type: 'boolean' } },
  async run(args, ctx) {
    const file = args.positionals[0];
    if (!file) throw new AppError('MISSING_ARGUMENT', { path: 'FILE', params: { name: 'FILE' } });
    const raw = readJsonFile(resolve(file));
    const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
    try {
      if (args.values.save === true) {
        const id = createApplication(db, SYSTEM_USER, raw);
        const saved = scoreApplication(db, SYSTEM_USER, id);
        ctx.result({ applicationId: id, scoreId: saved.id, inputHash: saved.inputHash, ...saved.result }, ctx.msg.scoreDone(saved.result, id));
      } else {
        const { result } = scoreWithLibrary(db, raw);
        ctx.result(result, ctx.msg.scoreDone(result, null));
      }
    } finally {
      await db.close();
    }
  },
};
