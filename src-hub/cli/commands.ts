/** The hub's sub-commands (`greendesk hub <sub-command> …`), each a Command over the hub's services. */
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { intOption, requireString } from '../../src-node/cli/args.js';
import { readJsonFile } from '../../src-node/cli/json-file.js';
import type { Command } from '../../src-node/cli/command.js';
import { terminalProgress } from '../../src-node/cli/progress.js';
import { readLibraryFile, rowErrorViews } from '../../src-node/library-files/read.js';
import { startHubServer } from '../http/server.js';
import { createEnrollment } from '../services/devices.js';
import { exportHubLibrary } from '../services/export.js';
import { publishLibrary } from '../services/library.js';
import { publishModel } from '../services/models.js';
import { importOutboxDocument } from '../services/outbox-import.js';
import { hubStats } from '../services/stats.js';
import type { HubMessages } from './messages.js';
import { TARGET_OPTIONS, openTarget, withHub } from './target.js';

type HubCommand = Command<HubMessages>;

const PHASES_ZH: Record<string, string> = { read: '读取', validate: '校验', write: '写入', done: '完成' };

function fileArg(args: { positionals: string[] }): string {
  const file = args.positionals[0];
  if (!file) throw new AppError('MISSING_ARGUMENT', { path: 'FILE', params: { name: 'FILE' } });
  return resolve(file);
}

export const serveCommand: HubCommand = {
  name: 'serve',
  options: { ...TARGET_OPTIONS, port: { type: 'string' }, host: { type: 'string' } },
  async run(args, ctx) {
    const port = intOption(args, 'port', 0, 65535) ?? 0;
    const host = typeof args.values.host === 'string' ? args.values.host : '127.0.0.1';
    const hub = await openTarget(args);
    try {
      const server = await startHubServer({ hub, port, host });
      ctx.result({ url: server.url, port: server.port, db: hub.where, dialect: hub.dialect }, ctx.msg.serving(server.url, hub.where));
      await ctx.untilStopped();
      await server.close();
      if (!ctx.json) ctx.notice(ctx.msg.stopped);
    } finally {
      await hub.close();
    }
  },
};

export const publishCommand: HubCommand = {
  name: 'publish',
  positionals: 1,
  options: { ...TARGET_OPTIONS, 'skip-invalid': { type: 'boolean' } },
  async run(args, ctx) {
    const file = fileArg(args);
    const progress = terminalProgress(ctx.lang, PHASES_ZH);
    await withHub(args, async (hub) => {
      const v = await readLibraryFile(file, args.positionals[0]!, progress);
      const rejected = rowErrorViews(v.rejected, v.format, ctx.lang);
      if (rejected.length > 0 && args.values['skip-invalid'] !== true) {
        if (!ctx.json) ctx.notice(rejected.map((r) => `  ${r.row}\t${r.field}\t${r.code}\t${r.message}`).join('\n'));
        throw new AppError('INVALID_ROWS', { params: { count: rejected.length }, details: { rejected } });
      }
      progress({ phase: 'write', done: 0, total: v.projects.length });
      const counts = await publishLibrary(hub.db, v.meta, v.projects, v.rejectedIds);
      progress({ phase: 'done', done: v.projects.length, total: v.projects.length });
      const result = { ...counts, rejected };
      ctx.result(result, ctx.msg.published(result));
    });
  },
};

export const publishModelCommand: HubCommand = {
  name: 'publish-model',
  positionals: 1,
  options: { ...TARGET_OPTIONS, bank: { type: 'string' }, activate: { type: 'boolean' } },
  async run(args, ctx) {
    const doc = readJsonFile(fileArg(args), 8 * 1024 * 1024);
    await withHub(args, async (hub) => {
      const r = await publishModel(hub.db, doc, { bank: typeof args.values.bank === 'string' ? args.values.bank : null, activate: args.values.activate === true });
      ctx.result(r, ctx.msg.modelPublished(r.id, r.kind, r.unchanged));
    });
  },
};

export const enrollCommand: HubCommand = {
  name: 'enroll',
  options: { ...TARGET_OPTIONS, branch: { type: 'string' }, bank: { type: 'string' }, days: { type: 'string' } },
  async run(args, ctx) {
    const branch = requireString(args, 'branch');
    const bank = typeof args.values.bank === 'string' ? args.values.bank : '江门市默认银行';
    const days = intOption(args, 'days', 1, 365);
    await withHub(args, async (hub) => {
      const e = await createEnrollment(hub.db, { bank, branch, ...(days !== undefined ? { days } : {}) });
      ctx.result(e, ctx.msg.enrolled(e.code, e.branch, e.bank, e.expiresAt));
    });
  },
};

export const statsCommand: HubCommand = {
  name: 'stats',
  options: { ...TARGET_OPTIONS },
  run: (args, ctx) =>
    withHub(args, async (hub) => {
      const s = await hubStats(hub.db);
      ctx.result(s, ctx.msg.stats(s));
    }),
};

export const importCommand: HubCommand = {
  name: 'import',
  positionals: 1,
  options: { ...TARGET_OPTIONS },
  async run(args, ctx) {
    // An outbox file may be large (months offline); snapshots go through the streaming reader instead.
    const doc = readJsonFile(fileArg(args), 512 * 1024 * 1024);
    await withHub(args, async (hub) => {
      const r = await importOutboxDocument(hub.db, doc, { lang: ctx.lang });
      const applied = r.results.filter((x) => x.status === 'applied' && !x.replay).length;
      const rejected = r.results.filter((x) => x.status === 'rejected' && !x.replay).length;
      const replays = r.results.filter((x) => x.replay).length;
      ctx.result(r, ctx.msg.imported(r.entries, applied, rejected, replays));
      if (r.gap) throw new AppError('SEQ_GAP', { params: { expected: r.gap.expected }, details: { expected: r.gap.expected, lastSeq: r.lastSeq } });
    });
  },
};

export const exportCommand: HubCommand = {
  name: 'export',
  options: { ...TARGET_OPTIONS, out: { type: 'string' } },
  async run(args, ctx) {
    const out = resolve(requireString(args, 'out'));
    await withHub(args, async (hub) => {
      const r = await exportHubLibrary(hub.db, out);
      ctx.result(r, ctx.msg.exported(r.out, r.projects, r.version));
    });
  },
};
