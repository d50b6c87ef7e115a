// Sync through the app's one dispatch (what the window calls) with a real hub on loopback: who may configure and
// enrol, a round as a job with its progress and report, the outbox listing, the offline file; and the scheduler
// deciding by itself — running when work waits, backing off when the hub is gone, running again the moment it
// is back.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppApi, type AppApi } from '../../../src-main/api/app.js';
import { seedDemo, DEMO_PASSWORD } from '../../../src-main/services/demo-seed.js';
import { SyncScheduler } from '../../../src-main/services/sync/scheduler.js';
import { SyncService } from '../../../src-main/services/sync/service.js';
import { startHubServer } from '../../../src-hub/http/server.js';
import { createEnrollment } from '../../../src-hub/services/devices.js';
import { outboxFileSchema } from '../../../shared/sync/outbox-file.js';
import { startTestHub, type RunningHub } from '../../helpers/hub.js';
import { FAST, demoVersions, newApplication, publish } from '../../helpers/device.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

function as(app: AppApi, sessionId: string) {
  return async <T = Record<string, unknown>>(method: string, input: unknown): Promise<T> => {
    const r = await app.dispatch(method, input, { sessionId });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
}

async function login(app: AppApi, username: string) {
  const r = await app.dispatch('auth.login', { username, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return as(app, (r.value as { sessionId: string }).sessionId);
}

describe('sync through the dispatch', () => {
  let hub: RunningHub;
  let app: AppApi;
  afterEach(async () => {
    await app?.close();
    await hub?.stop();
  });

  it('admins configure and enrol; anyone signed in syncs, as a job; the outbox and the offline file', async () => {
    hub = await startTestHub('sqlite');
    await publish(hub.hub.db, demoVersions(120)[0]);
    app = openAppApi(join(tempDir(), 'app.db'));
    await seedDemo(app.db, { projects: 120 });
    const officer = await login(app, 'zhangwei');
    const admin = await login(app, 'admin');
    await expect(officer('sync.configure', { hubUrl: hub.url })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    await expect(admin('sync.configure', { hubUrl: 'ftp://x' })).rejects.toMatchObject({ code: 'HUB_URL_INVALID', path: 'hubUrl' });
    expect(await admin('sync.configure', { hubUrl: `${hub.url}/`, deviceName: '蓬江支行-01' })).toEqual({ hubUrl: hub.url });
    expect(await officer('sync.status', {})).toMatchObject({ hubUrl: hub.url, enrolled: false, deviceName: '蓬江支行-01' });
    const { code } = await createEnrollment(hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行' });
    await expect(officer('sync.enroll', { code })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(await admin('sync.enroll', { code })).toMatchObject({ branch: '蓬江支行', bank: '江门农商银行' });

    const pending = (await officer<{ outbox: { pending: number } }>('sync.status', {})).outbox.pending;
    const file = outboxFileSchema.parse(JSON.parse(Buffer.from((await officer<{ contentBase64: string }>('sync.exportFile', {})).contentBase64, 'base64').toString('utf8')));
    expect(file.entries).toHaveLength(pending);

    const { jobId } = await officer<{ jobId: string }>('sync.run', {});
    expect((await officer<{ jobId: string }>('sync.run', {})).jobId).toBe(jobId);
    await app.ctx.jobs.wait(jobId);
    const job = await officer<{ state: string; result: { ok: boolean; library: { to: number } } }>('jobs.get', { jobId });
    expect(job).toMatchObject({ state: 'done', result: { ok: true, library: { to: 10 } } });
    expect(await officer('sync.status', {})).toMatchObject({ enrolled: true, reachable: true, outbox: { pending: 0, sent: pending }, lastRound: { ok: true } });
    const list = await officer<{ total: number; items: { state: string; label: string }[] }>('sync.outbox', { state: 'sent' });
    expect(list.total).toBe(pending);
    expect(list.items[0]!.label).not.toBe('');
    expect((await officer<{ items: unknown[] }>('sync.history', {})).items).toHaveLength(1);
    await expect(officer('sync.resend', { seq: 1 })).rejects.toMatchObject({ code: 'NOT_RESENDABLE' });
    await expect(officer('sync.redownload', {})).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const re = await admin<{ jobId: string }>('sync.redownload', {});
    await app.ctx.jobs.wait(re.jobId);
    expect(await admin('jobs.get', { jobId: re.jobId })).toMatchObject({ state: 'done', result: { library: { mode: 'replace' } } });
  });

  it('the scheduler runs when work waits, backs off while the hub is gone, and runs the moment it answers again', async () => {
    hub = await startTestHub('sqlite');
    await publish(hub.hub.db, demoVersions(60)[0]);
    app = openAppApi(join(tempDir(), 'app.db'));
    await seedDemo(app.db, { projects: 60 });
    const sync = new SyncService(app.db, { client: { ...FAST, attempts: 1 } });
    let now = 1_000_000;
    const scheduler = new SyncScheduler(sync, { now: () => now, random: () => 1 });
    expect(await scheduler.tick()).toBe('idle'); // not enrolled
    const { code } = await createEnrollment(hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行' });
    await sync.enroll(code, hub.url);
    expect(await scheduler.tick()).toBe('ran');
    expect(await scheduler.tick()).toBe('idle'); // nothing waits, the last round is fresh
    newApplication(app.db, 1);
    // The hub goes away.
    const port = hub.server.port;
    await hub.server.close();
    expect(await scheduler.tick()).toBe('failed');
    expect(scheduler.nextAttemptAt()).toBe(now + 1000);
    expect(await scheduler.tick()).toBe('probed');
    now += 5000;
    expect(await scheduler.tick()).toBe('failed');
    expect(scheduler.nextAttemptAt()).toBe(now + 2000);
    // The connection comes back: the probe sees it and the round runs at once, back-off or not.
    const back = await startHubServer({ hub: hub.hub, port, log: () => undefined });
    try {
      expect(await scheduler.tick()).toBe('ran');
      expect(sync.status().outbox.pending).toBe(0);
      now += 6 * 60_000;
      expect(await scheduler.tick()).toBe('ran'); // the interval passed: a routine round
    } finally {
      scheduler.stop();
      await back.close();
    }
  });
});
