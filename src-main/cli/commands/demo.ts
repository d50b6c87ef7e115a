import { resolve } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { seedDemo, DEFAULT_DEMO_PROJECTS } from '../../services/demo-seed.js';
import { intOption, requireString } from '../../../src-node/cli/args.js';
import type { Command } from './types.js';

export const demoCommand: Command = {
  name: 'demo',
  options: { db: { type: 'string' }, projects: { type: 'string' }, seed: { type: 'string' } },
  async run(args, ctx) {
    const file = resolve(requireString(args, 'db'));
    const projects = intOption(args, 'projects', 1, 1_000_000) ?? DEFAULT_DEMO_PROJECTS;
    const seed = intOption(args, 'seed', 0, 2 ** 31);
    const db = openDatabase(file);
    try {
      const counts = await seedDemo(db, { projects, ...(seed !== undefined ? { seed } : {}) });
      ctx.result({ db: file, projects: counts.inserted, version: counts.version }, ctx.msg.demoDone(file, counts.inserted, counts.version));
    } finally {
      await db.close();
    }
  },
};
