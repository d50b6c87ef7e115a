/**
 * `greendesk model list|add|activate`: the model versions of a database, for a bank that adds its own (or gets one
 * on a USB stick) rather than through the hub.
 *
 *   greendesk model list --db FILE
 *   greendesk model add FILE --db FILE [--activate]
 *   greendesk model activate ID --db FILE
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { requireString } from '../../../src-node/cli/args.js';
import { commandGroup } from '../../../src-node/cli/group.js';
import { readJsonFile } from '../../../src-node/cli/json-file.js';
import { openDatabase, type AppDb } from '../../db/open.js';
import { activateModelVersion, addModelVersion, listModelVersions } from '../../services/models.js';
import type { Command } from './types.js';

async function withDb<T>(args: Parameters<Command['run']>[0], fn: (db: AppDb) => T): Promise<T> {
  const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
  try {
    return fn(db);
  } finally {
    await db.close();
  }
}

const positional = (args: Parameters<Command['run']>[0], name: string) => {
  const v = args.positionals[0];
  if (!v) throw new AppError('MISSING_ARGUMENT', { path: name, params: { name } });
  return v;
};

const list: Command = {
  name: 'list',
  options: { db: { type: 'string' } },
  run: (args, ctx) =>
    withDb(args, (db) => {
      const items = listModelVersions(db);
      ctx.result({ items }, ctx.msg.modelList(items));
    }),
};

const add: Command = {
  name: 'add',
  positionals: 1,
  options: { db: { type: 'string' }, activate: { type: 'boolean' } },
  run: async (args, ctx) => {
    const doc = readJsonFile(resolve(positional(args, 'FILE')), 8 * 1024 * 1024);
    await withDb(args, (db) => {
      const r = addModelVersion(db, doc, { activate: args.values.activate === true });
      ctx.result(r, ctx.msg.modelAdded(r));
    });
  },
};

const activate: Command = {
  name: 'activate',
  positionals: 1,
  options: { db: { type: 'string' } },
  run: (args, ctx) =>
    withDb(args, (db) => {
      const r = activateModelVersion(db, positional(args, 'ID'));
      ctx.result(r, ctx.msg.modelActivated(r.id));
    }),
};

export const modelCommand: Command = await commandGroup('model', { list: async () => list, add: async () => add, activate: async () => activate });
