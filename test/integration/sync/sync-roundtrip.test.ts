// A branch device and a real hub on loopback (SQLite and PostgreSQL): the bulk first and deltas after, the local
// library equal to one hub version, every write pushed exactly once, replays, re-download keeping unsent work.
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from '../../../src-main/services/sync/hub-client.js';
import { hubConnection } from '../../../src-main/services/sync/identity.js';
import { pushResponseSchema } from '../../../shared/sync/protocol.js';
import { saveCheck } from '../../../src-main/services/checks.js';
import { registerLoan, addDisbursement } from '../../../src-main/services/loans.js';
import { hubStats } from '../../../src-hub/services/stats.js';
import { projectHistory } from '../../../src-main/services/library.js';
import { HUB_KINDS, startTestHub, type RunningHub } from '../../helpers/hub.js';
import {
  demoVersions, enrollWith, hubLibrary, localLibrary, makeDevice, newApplication, outboxStates, publish, submitAndApprove, user, type Device,
} from '../../helpers/device.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

describe.each(HUB_KINDS)('sync with a hub on %s', (kind) => {
  let hub: RunningHub;
  const devices: Device[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    await hub?.stop();
  });
  const device = async (name = 'a', o: Parameters<typeof makeDevice>[1] = {}) => {
    const d = await makeDevice(tempDir(), { name, ...o });
    devices.push(d);
    return d;
  };

  it('a fresh device gets the whole library, then deltas; the local copy always equals one hub version', async () => {
    hub = await startTestHub(kind);
    const [v10, v11] = demoVersions(700);
    await publish(hub.hub.db, v10);
    const d = await device('a', { demo: false });
    await enrollWith(hub.hub.db, hub.url, d);
    const progress: string[] = [];
    const first = await d.sync.runRound('manual', { onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) });
    expect(first.error).toBeNull();
    expect(first.library).toMatchObject({ outcome: 'applied', mode: 'replace', to: 10, received: 700 });
    expect(progress).toContain('library:700/700');
    expect(localLibrary(d.db)).toMatchObject({ version: 10, source: 'hub', rows: await hubLibrary(hub.hub.db) });

    const again = await d.sync.runRound('manual');
    expect(again.library).toMatchObject({ outcome: 'current', to: 10 });

    await publish(hub.hub.db, v11);
    const delta = await d.sync.runRound('manual');
    expect(delta.library).toMatchObject({ outcome: 'applied', mode: 'delta', from: 10, to: 11 });
    expect(delta.library!.received).toBeLessThan(200);
    expect(localLibrary(d.db)).toMatchObject({ version: 11, rows: await hubLibrary(hub.hub.db) });
    // Each changed project's history holds both versions.
    const changed = d.db.rawRead.prepare("SELECT id FROM project WHERE library_version = 11 AND changed <> '[]' LIMIT 1").pluck().get() as string;
    expect((await projectHistory(d.db, changed)).map((v) => v.libraryVersion)).toEqual([11, 10]);
    expect(d.sync.status()).toMatchObject({ enrolled: true, reachable: true, running: false, lastRound: { ok: true }, pull: null });
  });

  it('a demo library is replaced by the hub’s; records written before enrolment go too, each exactly once', async () => {
    hub = await startTestHub(kind);
    const [v10] = demoVersions(300);
    await publish(hub.hub.db, v10);
    const d = await device('a', { projects: 300 });
    const before = outboxStates(d.db).pending ?? 0;
    expect(before).toBeGreaterThan(4); // the demo's applications, scored and moved along
    await enrollWith(hub.hub.db, hub.url, d);
    const r = await d.sync.runRound('manual');
    expect(r.error).toBeNull();
    expect(r.library).toMatchObject({ mode: 'replace', to: 10 });
    expect(r.push).toMatchObject({ applied: before, rejected: 0, pending: 0 });
    expect(outboxStates(d.db)).toEqual({ sent: before });
    expect(await hubStats(hub.hub.db)).toMatchObject({ projects: 300, devices: 1, applications: 4, checks: 0 });

    // More work: an application through approval, a loan, a disbursement, a check with a measure.
    const id = newApplication(d.db, 3);
    submitAndApprove(d.db, id);
    registerLoan(d.db, user(d.db, 'wangfang'), { applicationId: id, agreedPurposes: ['equipment'], relatedPartyUsccs: [], cerf: false, thirdPartyVerified: false });
    addDisbursement(d.db, user(d.db, 'zhangwei'), id, '2026-11-01', 1_000_000);
    const loan = d.db.rawRead.prepare('SELECT borrower_uscc FROM loan WHERE id = ?').pluck().get(id) as string;
    saveCheck(d.db, user(d.db, 'wangfang'), {
      asOf: '2026-11-22',
      loan: { id, borrowerUscc: loan, amountYuan: 5_000_000, disbursedYuan: 1_000_000, agreedPurposes: ['equipment'], relatedPartyUsccs: [] },
      project: { totalInvestmentYuan: 30_000_000, otherFinancingYuan: 0, physicalProgressPct: 40, milestones: [] },
      payments: [{ id: 'P1', date: '2026-11-05', amountYuan: 300_000, payeeName: '江门市某设备公司', payeeAccount: 'corporate', purpose: 'equipment', invoiceNo: 'INV-1', attachments: 1 }],
    });
    const pending = outboxStates(d.db).pending!;
    const r2 = await d.sync.runRound('manual');
    expect(r2.push).toMatchObject({ applied: pending, rejected: 0, pending: 0 });
    expect(await hubStats(hub.hub.db)).toMatchObject({ applications: 5, loans: 1, checks: 1 });
    const state = await hub.hub.db.selectFrom('hubRecord').select('state').where('kind', '=', 'application').where('entityId', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(state.state)).toMatchObject({ id, status: 'approved', transitions: [{ action: 'create' }, { action: 'submit' }, { action: 'approve', actor: { username: 'lina' } }] });

    // The same entries again (a lost answer): the stored outcome comes back, nothing is applied twice.
    const { token } = hubConnection(d.db.rawRead);
    const entries = (d.db.rawRead.prepare('SELECT seq, kind, entity_id, payload, hash, created_at FROM outbox ORDER BY seq').all() as { seq: number; kind: 'application'; entity_id: string; payload: string; hash: string; created_at: string }[])
      .map((e) => ({ seq: e.seq, kind: e.kind, entityId: e.entity_id, payload: JSON.parse(e.payload), hash: e.hash, createdAt: e.created_at }));
    const replay = await new HubClient({ baseUrl: hub.url, token }).post('/v1/push', { deviceId: d.sync.status().deviceId, entries }, pushResponseSchema);
    expect(replay.results.every((x) => x.replay && x.status === 'applied')).toBe(true);
    expect((await hubStats(hub.hub.db)).entries).toEqual({ applied: entries.length, rejected: 0 });
  });

  it('re-downloading the library never drops unsent work', async () => {
    hub = await startTestHub(kind);
    const [v10, v11] = demoVersions(250);
    await publish(hub.hub.db, v10);
    const d = await device('a', { projects: 250 });
    await enrollWith(hub.hub.db, hub.url, d);
    expect((await d.sync.runRound('manual')).error).toBeNull();
    await publish(hub.hub.db, v11);
    // Offline work, then a local mishap: the library is re-downloaded whole.
    newApplication(d.db, 1);
    const pending = outboxStates(d.db).pending!;
    d.db.rawWrite.prepare("UPDATE project SET name = '本地被改坏的名称' WHERE rowid IN (SELECT rowid FROM project LIMIT 3)").run();
    const r = await d.sync.runRound('redownload', { replace: true });
    expect(r.error).toBeNull();
    expect(r.library).toMatchObject({ mode: 'replace', to: 11 });
    expect(r.push).toMatchObject({ applied: pending });
    const strip = (rows: { id: string; name: string; status: string }[]) => rows.map(({ id, name, status }) => ({ id, name, status }));
    expect(strip(localLibrary(d.db).rows)).toEqual(strip(await hubLibrary(hub.hub.db)));
    expect(localLibrary(d.db).version).toBe(11);
    expect(outboxStates(d.db)).toEqual({ sent: d.db.rawRead.prepare('SELECT count(*) FROM outbox').pluck().get() });
  });
});
