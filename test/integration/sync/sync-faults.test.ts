// Sync through a fault-injecting proxy (drops, lost and cut answers, duplicates, delays, 5xx) to a real hub on
// SQLite and PostgreSQL: whatever the network does, nothing is lost and nothing is applied twice. And the
// back-off: network errors and 5xx retried with growing, jittered waits; a 4xx never retried.
import { afterEach, describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelayMs } from '../../../shared/sync/backoff.js';
import { healthSchema, pushResponseSchema } from '../../../shared/sync/protocol.js';
import { HubClient } from '../../../src-main/services/sync/hub-client.js';
import { HUB_KINDS, startHubProcess, startTestHub, type RunningHub } from '../../helpers/hub.js';
import { FAST, demoVersions, enrollWith, hubLibrary, localLibrary, makeDevice, newApplication, outboxStates, publish, type Device } from '../../helpers/device.js';
import { randomFaults, startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe('back-off', () => {
  it('the first retry comes within 2 s, waits grow, jitter stays under the ceiling, never beyond 10 minutes', () => {
    for (let i = 0; i < 200; i++) expect(backoffDelayMs(1)).toBeLessThanOrEqual(2000);
    expect(backoffDelayMs(1, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelayMs(3, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, () => 1)).toBe(4000);
    for (const n of [10, 20, 40, 1000]) expect(backoffDelayMs(n, () => 1)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelayMs(40, () => 1)).toBe(BACKOFF_CAP_MS);
  });
});

describe.each(HUB_KINDS)('faults between device and hub on %s', (kind) => {
  let hub: RunningHub;
  let proxy: FaultProxy;
  const devices: Device[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    await proxy?.close();
    await hub?.stop();
  });

  it('under random drops, lost and cut answers, duplicates, delays and 5xx, two devices converge: nothing lost, nothing twice', async () => {
    hub = await startTestHub(kind);
    const [v10, v11] = demoVersions(400);
    await publish(hub.hub.db, v10);
    proxy = await startFaultProxy(hub.url, randomFaults(20261201, { drop: 0.1, lose: 0.12, cut: 0.1, duplicate: 0.12, delay: 0.1, error: 0.08 }));
    const ds: Device[] = [];
    for (const name of ['a', 'b']) {
      const d = await makeDevice(tempDir(), { name, projects: 400, sync: { client: { ...FAST, attempts: 2 }, pageSize: 37 } });
      devices.push(d);
      ds.push(d);
      d.sync.setHubUrl(proxy.url);
      await enrollRetrying(hub, d);
    }
    let rounds = 0;
    for (let i = 0; i < 12; i++) {
      for (const d of ds) newApplication(d.db, i);
      if (i === 6) await publish(hub.hub.db, v11);
      for (const d of ds) {
        await d.sync.runRound('auto');
        rounds++;
      }
    }
    // Then until both are done (the faults keep going).
    for (let i = 0; i < 80 && !(await converged(ds)); i++) for (const d of ds) await d.sync.runRound('auto');
    expect(await converged(ds)).toBe(true);
    expect(Object.keys(proxy.faults).sort()).toEqual(['cut', 'delay', 'drop', 'duplicate', 'error', 'lose', 'pass']);
    for (const d of ds) {
      const id = d.sync.status().deviceId;
      const local = d.db.rawRead.prepare('SELECT seq, hash FROM outbox ORDER BY seq').all() as { seq: number; hash: string }[];
      const remote = await hub.hub.db.selectFrom('hubPush').select(['seq', 'hash', 'status']).where('deviceId', '=', id).orderBy('seq').execute();
      expect(remote.map((r) => ({ seq: r.seq, hash: r.hash }))).toEqual(local);
      expect(remote.every((r) => r.status === 'applied')).toBe(true);
      expect(localLibrary(d.db)).toMatchObject({ version: 11, rows: await hubLibrary(hub.hub.db) });
      expect(d.db.rawWrite.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    expect(rounds).toBeGreaterThan(20);
  });

  it('5xx and network errors are retried with back-off, recorded on each entry; a 4xx is not retried', async () => {
    hub = await startTestHub(kind);
    await publish(hub.hub.db, demoVersions(40)[0]);
    const waits: number[] = [];
    const d = await makeDevice(tempDir(), { name: 'a', projects: 40, sync: { client: { attempts: 4, backoffBaseMs: 1000, sleep: async (ms) => void waits.push(ms) } } });
    devices.push(d);
    proxy = await startFaultProxy(hub.url);
    d.sync.setHubUrl(proxy.url);
    await enrollRetrying(hub, d);
    expect((await d.sync.runRound('manual')).error).toBeNull();
    newApplication(d.db, 1);
    proxy.setPolicy((r) => (r.path.startsWith('/v1/push') ? { kind: 'error', status: 503 } : { kind: 'pass' }));
    const r = await d.sync.runRound('manual');
    expect(r.error).toMatchObject({ code: 'HUB_ERROR' });
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeLessThanOrEqual(2000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[2]).toBeGreaterThanOrEqual(2000);
    const rows = d.db.rawRead.prepare("SELECT attempts, last_error, next_attempt_at FROM outbox WHERE state = 'pending'").all() as { attempts: number; last_error: string; next_attempt_at: string }[];
    expect(rows.length).toBe(2);
    expect(rows.every((x) => x.attempts === 1 && x.last_error.includes('503') && Date.parse(x.next_attempt_at) > Date.now())).toBe(true);
    expect(d.sync.status().outbox).toMatchObject({ pending: 2 });

    // A 4xx: asked once, never again.
    const before = proxy.requests.length;
    proxy.setPolicy(() => ({ kind: 'pass' }));
    await expect(new HubClient({ baseUrl: proxy.url, token: 'x'.repeat(43), attempts: 5, sleep: async () => undefined }).get('/v1/device', healthSchema)).rejects.toMatchObject({ status: 401 });
    expect(proxy.requests.length - before).toBe(1);
    // The network back: the round goes through.
    expect((await d.sync.runRound('manual')).push).toMatchObject({ applied: 2, pending: 0 });
  });

  it('two hub processes on one database receiving the same push at once apply it once', async () => {
    hub = await startTestHub(kind);
    const other = await startHubProcess(hub.target);
    try {
      await publish(hub.hub.db, demoVersions(30)[0]);
      const d = await makeDevice(tempDir(), { name: 'a', projects: 30 });
      devices.push(d);
      await enrollWith(hub.hub.db, hub.url, d);
      for (let i = 0; i < 5; i++) newApplication(d.db, i);
      const entries = (d.db.rawRead.prepare('SELECT seq, kind, entity_id, payload, hash, created_at FROM outbox ORDER BY seq').all() as { seq: number; kind: 'application'; entity_id: string; payload: string; hash: string; created_at: string }[])
        .map((e) => ({ seq: e.seq, kind: e.kind, entityId: e.entity_id, payload: JSON.parse(e.payload), hash: e.hash, createdAt: e.created_at }));
      const deviceId = d.sync.status().deviceId;
      const token = d.sync.connection().token;
      const push = (url: string) => new HubClient({ baseUrl: url, token, ...FAST }).post('/v1/push', { deviceId, entries }, pushResponseSchema);
      const answers = await Promise.all([push(hub.url), push(other.url), push(hub.url), push(other.url)]);
      const fresh = answers.flatMap((a) => a.results).filter((r) => !r.replay);
      expect(fresh).toHaveLength(entries.length);
      expect(answers.every((a) => a.lastSeq === entries.length)).toBe(true);
      const stored = await hub.hub.db.selectFrom('hubPush').select('seq').where('deviceId', '=', deviceId).orderBy('seq').execute();
      expect(stored.map((r) => r.seq)).toEqual(entries.map((e) => e.seq));
      // The device's own round, after: everything is a replay.
      expect((await d.sync.runRound('manual')).push).toMatchObject({ applied: entries.length, replays: entries.length });
    } finally {
      await other.stop();
    }
  });
});

async function enrollRetrying(hub: RunningHub, d: Device) {
  const { createEnrollment } = await import('../../../src-hub/services/devices.js');
  const { code } = await createEnrollment(hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行' });
  const url = d.sync.connection().url ?? hub.url;
  for (let i = 0; ; i++) {
    try {
      return await d.sync.enroll(code, url);
    } catch (err) {
      if (i > 30) throw err;
    }
  }
}

async function converged(ds: Device[]): Promise<boolean> {
  return ds.every((d) => (outboxStates(d.db).pending ?? 0) === 0 && d.db.rawRead.prepare('SELECT version FROM library_state').pluck().get() === 11);
}
