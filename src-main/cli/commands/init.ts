import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { schemaVersion } from '../../db/migrations/index.js';
import { requireString } from '../../../src-node/cli/args.js';
import type { Command } from './types.js';

export const initCommand: Command = {
  name: 'init',
  options: { db: { type: 'string' } },
  async run(args, ctx) {
    const file = resolve(requireString(args, 'db'));
    const created = !existsSync(file);
    const db = openDatabase(file);
    const version = schemaVersion(db.rawWrite);
    await db.close();
    ctx.result({ db: file, created, schemaVersion: version }, ctx.msg.initDone(file, created, version));
  },
};
