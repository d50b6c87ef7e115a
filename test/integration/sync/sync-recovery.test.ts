// What goes wrong around sync, on a real hub (SQLite and PostgreSQL): a hub restored from a backup (gap), a
// device restored from an old backup (conflict), a pull cut off mid-way (resume), the offline file both ways,
// and records the hub must refuse (tampered scores, an audit trail that breaks maker-checker).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { entryHashInput, type OutboxEntry } from '../../../shared/sync/records.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { outboxDocument, writeOutboxFile } from '../../../src-main/services/sync/outbox.js';
import { applicationRecord } from '../../../src-main/services/sync/records.js';
import { SyncService } from '../../../src-main/services/sync/service.js';
import { sha256Hex } from '../../../src-node/signing.js';
import { deviceById } from '../../../src-hub/services/devices.js';
import { importOutboxDocument } from '../../../src-hub/services/outbox-import.js';
import { applyEntries } from '../../../src-hub/services/push.js';
import { hubStats } from '../../../src-hub/services/stats.js';
import { HUB_KINDS, startTestHub, type RunningHub } from '../../helpers/hub.js';
import { FAST, demoVersions, enrollWith, hubLibrary, localLibrary, makeDevice, newApplication, outboxStates, publish, submitAndApprove, type Device } from '../../helpers/device.js';
import { useTempDir } from '../../helpers/tmp.js';
import { readFileSync } from 'node:fs';

const tempDir = useTempDir();

describe.each(HUB_KINDS)('sync recovery on %s', (kind) => {
  let hub: RunningHub;
  const devices: Device[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
    await hub?.stop();
  });
  const ready = async (projects = 80) => {
    hub = await startTestHub(kind);
    await publish(hub.hub.db, demoVersions(projects)[0]);
    const d = await makeDevice(tempDir(), { name: 'a', projects });
    devices.push(d);
    await enrollWith(hub.hub.db, hub.url, d);
    expect((await d.sync.runRound('manual')).error).toBeNull();
    return d;
  };

  it('a hub restored from a backup refuses the gap, and gets the entries it lost again', async () => {
    const d = await ready();
    const deviceId = d.sync.status().deviceId;
    const keep = 3;
    // The hub loses everything after entry 3 (restored from last night's backup).
    await hub.hub.db.deleteFrom('hubRecord').where('deviceId', '=', deviceId).execute();
    await hub.hub.db.deleteFrom('hubPush').where('deviceId', '=', deviceId).where('seq', '>', keep).execute();
    await hub.hub.db.updateTable('hubDevice').set({ lastSeq: keep }).where('id', '=', deviceId).execute();
    newApplication(d.db, 5);
    const total = d.db.rawRead.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    const r = await d.sync.runRound('manual');
    expect(r.error).toBeNull();
    expect(r.push!.resentAfterGap).toBe(total - keep - 2);
    expect(outboxStates(d.db)).toEqual({ sent: total });
    const seqs = (await hub.hub.db.selectFrom('hubPush').select('seq').where('deviceId', '=', deviceId).orderBy('seq').execute()).map((x) => x.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('a device restored from an old backup renumbers its new entries after the hub’s last', async () => {
    const d = await ready();
    const backup = join(tempDir(), 'backup.db');
    await d.close();
    devices.splice(0);
    copyFileSync(d.file, backup);
    const live = await makeDevice(tempDir(), { name: 'live', demo: false });
    await live.close();
    // Work after the backup, pushed: the hub knows these sequence numbers.
    let db = openDatabase(d.file);
    newApplication(db, 4);
    expect((await new SyncService(db, { client: FAST }).runRound('manual')).push!.applied).toBe(2);
    const hubLast = (await deviceById(hub.hub.db, new SyncService(db).status().deviceId))!.lastSeq;
    await db.close();
    // The disk dies; the backup comes back; new work reuses the same numbers with other content.
    copyFileSync(backup, d.file);
    db = openDatabase(d.file);
    newApplication(db, 7);
    const r = await new SyncService(db, { client: FAST }).runRound('manual');
    expect(r.error).toBeNull();
    expect(r.push!.renumbered).toBe(2);
    const seqs = db.rawRead.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[];
    expect(seqs.slice(-2)).toEqual([hubLast + 1, hubLast + 2]);
    expect(outboxStates(db)).toEqual({ sent: seqs.length });
    expect((await hubStats(hub.hub.db)).applications).toBe(6);
    await db.close();
  });

  it('a pull cut off mid-way keeps its pages and resumes at the first one it lacks; the library never mixes versions', async () => {
    const d = await ready(600);
    await publish(hub.hub.db, demoVersions(600)[1]);
    const before = localLibrary(d.db);
    let pages = 0;
    const cutting = new SyncService(d.db, {
      pageSize: 5,
      client: {
        ...FAST,
        attempts: 1,
        fetch: async (url, init) => {
          if (String(url).includes('/v1/library/changes') && ++pages > 2) throw new TypeError('fetch failed: the line went dead');
          return fetch(url, init);
        },
      },
    });
    const cut = await cutting.runRound('manual');
    expect(cut.error).toMatchObject({ code: 'HUB_UNREACHABLE' });
    expect(localLibrary(d.db)).toEqual(before);
    const staged = d.db.rawRead.prepare('SELECT received, done, cursor FROM library_pull').get() as { received: number; done: number; cursor: string };
    expect(staged).toMatchObject({ received: 10, done: 0 });
    expect(d.db.rawRead.prepare('SELECT count(*) FROM library_pull_project').pluck().get()).toBe(10);
    expect(cutting.status().pull).toMatchObject({ toVersion: 11, received: 10 });
    const resumed = await new SyncService(d.db, { client: FAST, pageSize: 5 }).runRound('manual');
    expect(resumed.library).toMatchObject({ outcome: 'applied', resumed: true, to: 11 });
    expect(resumed.library!.received).toBeGreaterThan(15);
    expect(resumed.library!.pages).toBe(Math.ceil((resumed.library!.received - 10 + 1) / 5));
    expect(localLibrary(d.db)).toMatchObject({ version: 11, rows: await hubLibrary(hub.hub.db) });
    expect(d.db.rawRead.prepare('SELECT count(*) FROM library_pull_project').pluck().get()).toBe(0);
  });

  it('the offline file: applied once by `hub import`, then seen as replays when the device comes online; tampering refused', async () => {
    const d = await ready();
    newApplication(d.db, 2);
    newApplication(d.db, 3);
    const out = join(tempDir(), 'outbox.json');
    const w = writeOutboxFile(d.db, out);
    expect(w.entries).toBe(4);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const first = await importOutboxDocument(hub.hub.db, doc);
    expect(first.results.map((x) => [x.status, x.replay])).toEqual(Array(4).fill(['applied', false]));
    const again = await importOutboxDocument(hub.hub.db, doc);
    expect(again.results.every((x) => x.replay)).toBe(true);
    const tampered = structuredClone(doc);
    tampered.entries[0].payload.status = 'approved';
    await expect(importOutboxDocument(hub.hub.db, tampered)).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(importOutboxDocument(hub.hub.db, { ...doc, deviceId: 'ffffffff-0000-0000-0000-000000000000' })).rejects.toMatchObject({ code: 'UNKNOWN_DEVICE' });
    await expect(importOutboxDocument(hub.hub.db, { format: 'x' })).rejects.toMatchObject({ code: 'OUTBOX_FILE_INVALID' });
    // Online again: the hub already has them; nothing is applied twice.
    const r = await d.sync.runRound('manual');
    expect(r.push).toMatchObject({ applied: 4, replays: 4 });
    expect((await hubStats(hub.hub.db)).entries.applied).toBe(d.db.rawRead.prepare('SELECT count(*) FROM outbox').pluck().get());
    expect(outboxDocument(d.db).entries).toEqual([]);
  });

  it('refuses records whose scores do not recompute, or whose trail breaks maker-checker, and keeps the numbers going', async () => {
    const d = await ready();
    const device = (await deviceById(hub.hub.db, d.sync.status().deviceId))!;
    const id = newApplication(d.db, 6);
    submitAndApprove(d.db, id);
    const good = applicationRecord(d.db.rawRead, id);
    const entry = (seq: number, payload: unknown): OutboxEntry => {
      const e = { seq, kind: 'application' as const, entityId: id, payload, createdAt: new Date().toISOString() };
      return { ...e, hash: sha256Hex(entryHashInput(e)) };
    };
    const base = device.lastSeq;
    const better = structuredClone(good);
    (better.scores[0]!.result as { score: number }).score = 99;
    // An administrator who made, submitted and approved the same application.
    const selfApproved = structuredClone(good);
    const admin = { username: 'admin', displayName: '系统管理员', role: 'admin' as const };
    selfApproved.createdBy = admin;
    for (const t of selfApproved.transitions) t.actor = admin;
    const badHash = structuredClone(good);
    (badHash.scores[0]!.input as { loan: { amountYuan: number } }).loan.amountYuan = 1;
    const res = await applyEntries(hub.hub.db, device, [entry(base + 1, better), entry(base + 2, selfApproved), entry(base + 3, badHash), entry(base + 4, good)], { via: 'push' });
    expect(res.results.map((r) => r.code ?? r.status)).toEqual(['SCORE_MISMATCH', 'MAKER_CHECKER', 'INPUT_HASH_MISMATCH', 'applied']);
    expect(res.lastSeq).toBe(base + 4);
    const gap = await applyEntries(hub.hub.db, device, [entry(base + 9, good)], { via: 'push' });
    expect(gap).toMatchObject({ results: [], gap: { expected: base + 5 } });
    expect(canonicalJson(JSON.parse((await hub.hub.db.selectFrom('hubRecord').select('state').where('entityId', '=', id).executeTakeFirstOrThrow()).state))).toBe(canonicalJson(good));
  });
});
