// Enrolment and access on a real hub (SQLite and PostgreSQL): one-time codes, a lost answer retried by the same
// device, tokens stored hashed, pushing only as oneself, models by bank; two devices of one branch and one of
// another bank, each with its own sequence.
import { afterEach, describe, expect, it } from 'vitest';
import { enrollProofText, enrollResponseSchema, pushResponseSchema, modelsPageSchema, deviceInfoSchema } from '../../../shared/sync/protocol.js';
import { DEFAULT_SCORING_MODEL } from '../../../shared/scoring/default-model.js';
import { signText, generateSigningKey } from '../../../src-node/signing.js';
import { HubClient } from '../../../src-main/services/sync/hub-client.js';
import { hubConnection, deviceIdentity } from '../../../src-main/services/sync/identity.js';
import { createEnrollment } from '../../../src-hub/services/devices.js';
import { publishModel } from '../../../src-hub/services/models.js';
import { hubStats } from '../../../src-hub/services/stats.js';
import { HUB_KINDS, startTestHub, type RunningHub } from '../../helpers/hub.js';
import { demoVersions, enrollWith, makeDevice, newApplication, outboxStates, publish, type Device } from '../../helpers/device.js';
import { useTempDir } from '../../helpers/tmp.js';

const tempDir = useTempDir();

const otherModel = (id: string) => ({ ...structuredClone(DEFAULT_SCORING_MODEL), id, name: `测试模型 ${id}` });

describe.each(HUB_KINDS)('enrolment and access on %s', (kind) => {
  let hub: RunningHub;
  const devices: Device[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    await hub?.stop();
  });
  const device = async (name: string) => {
    const d = await makeDevice(tempDir(), { name, projects: 60 });
    devices.push(d);
    return d;
  };

  it('a code works once; a wrong or used code is refused; a lost answer is retried by the same device only', async () => {
    hub = await startTestHub(kind);
    const a = await device('a');
    const b = await device('b');
    await expect(a.sync.enroll('AAAA-BBBB-CCCC-DDDD', hub.url)).rejects.toMatchObject({ code: 'ENROLL_CODE_INVALID', status: 403 });
    const { code } = await createEnrollment(hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行' });
    const first = await a.sync.enroll(code.toLowerCase().replace(/-/g, ' '), hub.url);
    expect(first).toMatchObject({ bank: '江门农商银行', branch: '蓬江支行', lastSeq: 0 });
    const token1 = hubConnection(a.db.rawRead).token!;
    // The same code by another device: refused.
    await expect(b.sync.enroll(code, hub.url)).rejects.toMatchObject({ code: 'ENROLL_CODE_USED' });
    // The same device again (its first answer lost): a new token, and the old one stops working.
    await a.sync.enroll(code, hub.url);
    const token2 = hubConnection(a.db.rawRead).token!;
    expect(token2).not.toBe(token1);
    await expect(new HubClient({ baseUrl: hub.url, token: token1 }).get('/v1/device', deviceInfoSchema)).rejects.toMatchObject({ status: 401, code: 'DEVICE_TOKEN_INVALID' });
    expect(await new HubClient({ baseUrl: hub.url, token: token2 }).get('/v1/device', deviceInfoSchema)).toMatchObject({ deviceId: first.deviceId });
    // Someone who knows the code and the device's id but not its key cannot take it over.
    const id = deviceIdentity(a.db.rawRead);
    const thief = generateSigningKey();
    const proof = { code, deviceId: id.deviceId, publicKey: thief.publicKey };
    await expect(new HubClient({ baseUrl: hub.url }).post('/v1/enroll', { ...proof, deviceName: 'x', signature: signText(thief.privateKey, enrollProofText(proof)) }, enrollResponseSchema))
      .rejects.toMatchObject({ code: 'DEVICE_ID_TAKEN' });
    const forged = { code, deviceId: id.deviceId, publicKey: id.publicKey };
    await expect(new HubClient({ baseUrl: hub.url }).post('/v1/enroll', { ...forged, deviceName: 'x', signature: signText(thief.privateKey, enrollProofText(forged)) }, enrollResponseSchema))
      .rejects.toMatchObject({ code: 'ENROLL_PROOF_INVALID' });
    // Tokens and codes are stored only as hashes.
    const stored = JSON.stringify(await hub.hub.db.selectFrom('hubDevice').selectAll().execute()) + JSON.stringify(await hub.hub.db.selectFrom('hubEnrollment').selectAll().execute());
    expect(stored).not.toContain(token2);
    expect(stored).not.toContain(code);
    // An expired code.
    const old = await createEnrollment(hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行', days: 1 }, new Date(Date.now() - 3 * 86_400_000));
    await expect(b.sync.enroll(old.code, hub.url)).rejects.toMatchObject({ code: 'ENROLL_CODE_EXPIRED' });
  });

  it('two devices of one branch and one of another bank: own sequences, push only as oneself, models by bank', async () => {
    hub = await startTestHub(kind);
    await publish(hub.hub.db, demoVersions(60)[0]);
    const [a1, a2, c] = [await device('a1'), await device('a2'), await device('c')];
    await enrollWith(hub.hub.db, hub.url, a1, '蓬江支行', '江门农商银行');
    await enrollWith(hub.hub.db, hub.url, a2, '蓬江支行', '江门农商银行');
    await enrollWith(hub.hub.db, hub.url, c, '新会支行', '江门某城商银行');
    await publishModel(hub.hub.db, otherModel('jm-green-2026.2'), { activate: true });
    await publishModel(hub.hub.db, otherModel('nongshang-2026.1'), { bank: '江门农商银行' });
    for (const d of [a1, a2, c]) expect((await d.sync.runRound('manual')).error).toBeNull();
    const models = (d: Device) => (d.db.rawRead.prepare('SELECT id FROM model_document ORDER BY id').pluck().all() as string[]);
    expect(models(a1)).toEqual(['jm-green-2026.2', 'nongshang-2026.1']);
    expect(models(c)).toEqual(['jm-green-2026.2']);
    expect(a1.db.rawRead.prepare("SELECT value FROM setting WHERE key = 'scoring.activeModel'").pluck().get()).toBe('jm-green-2026.2');
    expect((await hubStats(hub.hub.db)).devices).toBe(3);
    const applied = await hub.hub.db.selectFrom('hubPush').select(['deviceId', 'seq']).orderBy('deviceId').orderBy('seq').execute();
    for (const d of [a1, a2, c]) {
      const mine = applied.filter((r) => r.deviceId === d.sync.status().deviceId).map((r) => r.seq);
      expect(mine).toEqual(Array.from({ length: mine.length }, (_, i) => i + 1));
    }

    // a1's token cannot push as a2 (even a2's very entries), nor without a token.
    newApplication(a2.db, 1);
    const entry = a2.db.rawRead.prepare("SELECT seq, kind, entity_id AS entityId, payload, hash, created_at AS createdAt FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1").get() as Record<string, unknown>;
    const body = { deviceId: a2.sync.status().deviceId, entries: [{ ...entry, payload: JSON.parse(entry.payload as string) }] };
    await expect(new HubClient({ baseUrl: hub.url, token: hubConnection(a1.db.rawRead).token }).post('/v1/push', body, pushResponseSchema)).rejects.toMatchObject({ status: 403, code: 'DEVICE_MISMATCH' });
    await expect(new HubClient({ baseUrl: hub.url }).post('/v1/push', body, pushResponseSchema)).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    await expect(new HubClient({ baseUrl: hub.url }).get('/v1/models', modelsPageSchema)).rejects.toMatchObject({ status: 401 });
    expect((await a2.sync.runRound('manual')).push).toMatchObject({ applied: 2 });
  });

  it('a rejected entry never blocks the ones behind it; after the fix it is resent and applied', async () => {
    hub = await startTestHub(kind);
    await publish(hub.hub.db, demoVersions(60)[0]);
    const d = await device('a');
    await enrollWith(hub.hub.db, hub.url, d);
    expect((await d.sync.runRound('manual')).error).toBeNull();
    // A model of this bank's own that head office has not published: scores made with it are refused by the hub.
    d.db.rawWrite.prepare("INSERT INTO model_document (id, kind, document, added_at) VALUES ('local-2026.9', 'scoring', ?, '2026-11-01')").run(JSON.stringify(otherModel('local-2026.9')));
    d.db.rawWrite.prepare("INSERT INTO setting (key, value) VALUES ('scoring.activeModel', 'local-2026.9') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    const refused = newApplication(d.db, 2);
    d.db.rawWrite.prepare("UPDATE setting SET value = 'jm-green-2026.1' WHERE key = 'scoring.activeModel'").run();
    const fine = newApplication(d.db, 3);
    const r = await d.sync.runRound('manual');
    // The refused application's creation went in; its score did not; the next application went in whole.
    expect(r.push).toMatchObject({ applied: 3, rejected: 1, pending: 0 });
    const rejected = d.db.rawRead.prepare("SELECT seq, entity_id, reject_code, reject_message, reject_path FROM outbox WHERE state = 'rejected'").all() as { seq: number; entity_id: string; reject_code: string; reject_message: string; reject_path: string }[];
    expect(rejected).toMatchObject([{ entity_id: refused, reject_code: 'UNKNOWN_MODEL', reject_path: 'scores.0.modelId' }]);
    expect(rejected[0]!.reject_message).toContain('local-2026.9');
    expect((await hub.hub.db.selectFrom('hubRecord').select('entityId').where('kind', '=', 'application').execute()).map((x) => x.entityId)).toContain(fine);

    // Head office publishes the model; the officer resends: a new entry with the record's current state.
    await publishModel(hub.hub.db, otherModel('local-2026.9'));
    const { resendRejected } = await import('../../../src-main/services/sync/outbox.js');
    const next = resendRejected(d.db, rejected[0]!.seq);
    expect(next).toBeGreaterThan(rejected[0]!.seq);
    await expect(Promise.resolve().then(() => resendRejected(d.db, rejected[0]!.seq))).rejects.toMatchObject({ code: 'NOT_RESENDABLE' });
    expect((await d.sync.runRound('manual')).push).toMatchObject({ applied: 1, rejected: 0 });
    expect(outboxStates(d.db)).toMatchObject({ resent: 1 });
    expect(outboxStates(d.db).pending).toBeUndefined();
  });
});
