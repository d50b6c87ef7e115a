import { HubRefusal } from '../../services/sync/hub-client.js';
import { listOutbox, outboxDocument, resendRejected } from '../../services/sync/outbox.js';
import { setDeviceName } from '../../services/sync/identity.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

type SyncMethods =
  | 'sync.status' | 'sync.outbox' | 'sync.history' | 'sync.configure' | 'sync.enroll' | 'sync.run' | 'sync.redownload' | 'sync.resend' | 'sync.exportFile';

export function syncHandlers({ db, jobs, sync, scheduler }: AppContext): Pick<Handlers, SyncMethods> {
  // The job of the round in progress, so that asking again while it runs shows the same progress.
  let current: { jobId: string; replace: boolean } | null = null;
  const startRound = (replace: boolean, trigger: 'manual' | 'redownload') => {
    if (current && sync.isRunning() && current.replace === replace) return current.jobId;
    const jobId = jobs.start(replace ? 'sync.redownload' : 'sync.run', async (report) => {
      const r = await sync.runRound(trigger, { replace, onProgress: report });
      // A round that ended in an error is a failed job, with the round's own error (the hub's words).
      if (r.error) throw new HubRefusal(0, r.error);
      return r;
    });
    current = { jobId, replace };
    return jobId;
  };
  return {
    'sync.status': async () => {
      const next = scheduler?.nextAttemptAt() ?? null;
      return { ...sync.status(), nextAutoAt: next ? new Date(next).toISOString() : null };
    },
    'sync.outbox': async (q) => listOutbox(db, q),
    'sync.history': async ({ limit }) => ({
      items: (db.rawRead.prepare('SELECT id, started_at, finished_at, trigger, ok, error_code, error_message, report FROM sync_log ORDER BY id DESC LIMIT ?').all(limit) as {
        id: number; started_at: string; finished_at: string; trigger: string; ok: number; error_code: string | null; error_message: string | null; report: string;
      }[]).map((r) => ({ id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, trigger: r.trigger, ok: r.ok === 1, errorCode: r.error_code, errorMessage: r.error_message, summary: JSON.parse(r.report) })),
    }),
    'sync.configure': async ({ hubUrl, deviceName }) => {
      const url = sync.setHubUrl(hubUrl);
      if (deviceName) setDeviceName(db.rawWrite, deviceName);
      return { hubUrl: url };
    },
    'sync.enroll': async ({ code, hubUrl }) => {
      const device = await sync.enroll(code, hubUrl);
      scheduler?.nudge();
      return device;
    },
    'sync.run': async () => ({ jobId: startRound(false, 'manual') }),
    'sync.redownload': async () => ({ jobId: startRound(true, 'redownload') }),
    'sync.resend': async ({ seq }) => {
      const next = resendRejected(db, seq);
      scheduler?.nudge();
      return { seq: next };
    },
    'sync.exportFile': async () => {
      const doc = outboxDocument(db);
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      return { fileName: `greendesk-outbox-${doc.deviceId.slice(0, 8)}-${day}.json`, contentBase64: Buffer.from(JSON.stringify(doc)).toString('base64'), entries: doc.entries.length };
    },
  };
}
