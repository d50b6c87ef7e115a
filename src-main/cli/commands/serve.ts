import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { openAppApi } from '../../api/app.js';
import { startBrowserServer } from '../../api/http.js';
import { rendererDir } from '../../services/paths.js';
import { intOption, requireString } from '../../../src-node/cli/args.js';
import type { Command } from './types.js';

export const serveCommand: Command = {
  name: 'serve',
  options: { db: { type: 'string' }, port: { type: 'string' } },
  async run(args, ctx) {
    const file = resolve(requireString(args, 'db'));
    const port = intOption(args, 'port', 0, 65535) ?? 0;
    const dir = process.env.GREENDESK_RENDERER_DIR ?? rendererDir();
    if (!existsSync(join(dir, 'index.html'))) throw new AppError('RENDERER_NOT_BUILT');
    const app = openAppApi(file, { autoSync: true });
    try {
      const server = await startBrowserServer({ dispatch: app.dispatch, rendererDir: dir, port });
      ctx.result({ url: server.url, port: server.port, db: file }, ctx.msg.serving(server.url));
      await ctx.untilStopped();
      await server.close();
      if (!ctx.json) ctx.notice(ctx.msg.stopped);
    } finally {
      await app.close();
    }
  },
};
