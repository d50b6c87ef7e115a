/**
 * `greendesk sync --db FILE --hub URL [--enroll CODE]`: one round with the hub (pull the library and the models,
 * then push the outbox) and its report. `--enroll CODE` enrols the device first. `--hub` is remembered.
 * `greendesk sync export --db FILE --out FILE`: the pending entries as a signed offline file for `greendesk hub import`.
 *
 * Tuning (operations and tests): GREENDESK_SYNC_ATTEMPTS (tries per request, default 4), GREENDESK_SYNC_BACKOFF_MS
 * (back-off base, default 1000), GREENDESK_SYNC_TIMEOUT_MS (per request, default 60000), GREENDESK_SYNC_PAGE
 * (projects per library page, default 1000), GREENDESK_SYNC_BATCH (entries per push, default 200).
 */
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { requireString } from '../../../src-node/cli/args.js';
import { terminalProgress } from '../../../src-node/cli/progress.js';
import { openDatabase } from '../../db/open.js';
import { writeOutboxFile } from '../../services/sync/outbox.js';
import { HubRefusal } from '../../services/sync/hub-client.js';
import { SyncService } from '../../services/sync/service.js';
import type { Command } from './types.js';

const PHASES_ZH: Record<string, string> = { connect: '连接', library: '下载项目库', apply: '写入项目库', models: '下载模型', push: '上传', done: '完成' };

function envInt(name: string): number | undefined {
  const v = process.env[name];
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export const syncCommand: Command = {
  name: 'sync',
  positionals: 1,
  options: { db: { type: 'string' }, hub: { type: 'string' }, enroll: { type: 'string' }, out: { type: 'string' } },
  async run(args, ctx) {
    const sub = args.positionals[0];
    if (sub !== undefined && sub !== 'export') throw new AppError('UNKNOWN_COMMAND', { path: `sync ${sub}`.slice(0, 80), params: { command: `sync ${sub}`.slice(0, 80) } });
    const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
    try {
      if (sub === 'export') {
        const r = writeOutboxFile(db, resolve(requireString(args, 'out')));
        ctx.result(r, ctx.msg.syncExported(r.out, r.entries));
        return;
      }
      const attempts = envInt('GREENDESK_SYNC_ATTEMPTS');
      const backoffBaseMs = envInt('GREENDESK_SYNC_BACKOFF_MS');
      const timeoutMs = envInt('GREENDESK_SYNC_TIMEOUT_MS');
      const pageSize = envInt('GREENDESK_SYNC_PAGE');
      const batchEntries = envInt('GREENDESK_SYNC_BATCH');
      const sync = new SyncService(db, {
        lang: () => ctx.lang,
        client: { ...(attempts ? { attempts } : {}), ...(backoffBaseMs !== undefined ? { backoffBaseMs } : {}), ...(timeoutMs ? { timeoutMs } : {}) },
        ...(pageSize ? { pageSize } : {}),
        ...(batchEntries ? { batchEntries } : {}),
      });
      const hub = args.values.hub;
      if (typeof hub === 'string') sync.setHubUrl(hub);
      else if (!sync.connection().url) throw new AppError('MISSING_ARGUMENT', { path: '--hub', params: { name: '--hub' } });
      const code = args.values.enroll;
      let enrolled = null;
      if (typeof code === 'string') enrolled = await sync.enroll(code);
      const report = await sync.runRound('cli', { onProgress: terminalProgress(ctx.lang, PHASES_ZH) });
      ctx.result({ ...report, ...(enrolled ? { enrolled } : {}) }, ctx.msg.syncDone(report));
      // The round's error as it was reported (the hub's own words, in our language).
      if (report.error) throw new HubRefusal(0, report.error);
    } finally {
      await db.close();
    }
  },
};
