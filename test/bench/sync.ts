// Sync figures: a first sync of 100,000 projects against the hub's own export of the same library, a
// 1,000-project delta, pushing 10,000 outbox entries, and the hub serving 50 simulated devices at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LibrarySnapshot } from '../../shared/domain/snapshot.js';
import { enrollProofText, enrollResponseSchema, libraryHeadSchema, modelsPageSchema, pushResponseSchema } from '../../shared/sync/protocol.js';
import { entryHashInput } from '../../shared/sync/records.js';
import { openDatabase } from '../../src-main/db/open.js';
import { generateDemoSnapshot } from '../../src-main/services/demo/generate.js';
import { seedDemo } from '../../src-main/services/demo-seed.js';
import { createApplication, scoreApplication } from '../../src-main/services/applications.js';
import { HubClient } from '../../src-main/services/sync/hub-client.js';
import { applicationRecord } from '../../src-main/services/sync/records.js';
import { SyncService } from '../../src-main/services/sync/service.js';
import { generateSigningKey, sha256Hex, signText } from '../../src-node/signing.js';
import { validateSnapshotDocument } from '../../src-node/library-files/read.js';
import { openHubDb } from '../../src-hub/db/open.js';
import { startHubServer } from '../../src-hub/http/server.js';
import { createEnrollment } from '../../src-hub/services/devices.js';
import { exportHubLibrary } from '../../src-hub/services/export.js';
import { publishLibrary } from '../../src-hub/services/library.js';

type Report = (name: string, value: string) => void;

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function publish(db: Parameters<typeof publishLibrary>[0], doc: LibrarySnapshot) {
  const v = await validateSnapshotDocument(doc);
  return publishLibrary(db, v.meta, v.projects);
}

export async function benchSync(report: Report): Promise<void> {
  const N = Number(process.env.BENCH_SYNC_PROJECTS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-bench-sync-'));
  const hub = await openHubDb({ dataDir: join(dir, 'hub') });
  const server = await startHubServer({ hub, port: 0, log: () => undefined });
  try {
    const v10 = generateDemoSnapshot({ projects: N, version: 10 });
    let t = performance.now();
    await publish(hub.db, v10);
    report(`hub: publish ${fmt(N)} projects`, `${fmt(performance.now() - t)} ms`);
    t = performance.now();
    await exportHubLibrary(hub.db, join(dir, 'export.json'));
    const exportMs = performance.now() - t;
    report(`hub: its own export of the ${fmt(N)} projects (snapshot file)`, `${fmt(exportMs)} ms`);

    // A fresh device: the whole library, page by page, staged, then applied in one transaction.
    const device = openDatabase(join(dir, 'device.db'));
    const sync = new SyncService(device, { client: { attempts: 1 } });
    const enrol = async (s: SyncService) => s.enroll((await createEnrollment(hub.db, { bank: '江门农商银行', branch: '蓬江支行' })).code, server.url);
    await enrol(sync);
    const rss0 = process.memoryUsage().rss;
    t = performance.now();
    const first = await sync.runRound('manual');
    const firstMs = performance.now() - t;
    if (first.error) throw new Error(first.error.message);
    report(`first sync of ${fmt(N)} projects (${first.library!.pages} pages)`, `${fmt(firstMs)} ms, ${(firstMs / exportMs).toFixed(1)}× the hub's export, rss +${mb(Math.max(0, process.memoryUsage().rss - rss0))}`);

    // A delta: 1,000 projects changed in the next version.
    const v11: LibrarySnapshot = { ...v10, version: 11, projects: v10.projects.map((p, i) => (i % Math.max(1, Math.floor(N / 1000)) === 0 ? { ...p, name: `${p.name}（二期）`.slice(0, 200) } : p)) };
    await publish(hub.db, v11);
    t = performance.now();
    const delta = await sync.runRound('manual');
    report(`delta sync: ${fmt(delta.library!.received)} changed projects`, `${fmt(performance.now() - t)} ms`);
    await device.close();

    // Pushing 10,000 outbox entries (5,000 applications, created and scored), each verified by the hub. The device
    // syncs once first (its library and the demo's records), so the timed round is the push alone.
    const pushDb = openDatabase(join(dir, 'push.db'));
    await seedDemo(pushDb, { projects: 500 });
    const s2 = new SyncService(pushDb, { client: { attempts: 1 } });
    await enrol(s2);
    await s2.runRound('manual');
    const officer = { id: 1, username: 'zhangwei', displayName: '张伟', role: 'loan_officer' as const };
    const projects = pushDb.rawRead.prepare("SELECT id, owner_name, owner_uscc, district, industry_code, category FROM project WHERE status <> 'withdrawn' LIMIT 400").all() as Record<string, string>[];
    const ENTRIES = Number(process.env.BENCH_PUSH_ENTRIES ?? 10_000);
    for (let i = 0; i < ENTRIES / 2; i++) {
      const p = projects[i % projects.length]!;
      const id = createApplication(pushDb, officer, {
        asOf: '2026-11-22', applicant: { name: p.owner_name, uscc: p.owner_uscc, district: p.district, industryCode: p.industry_code },
        loan: { amountYuan: 1_000_000 + i, termMonths: 36, riskSpreadBps: 45, greenCategory: p.category, projectId: p.id },
        carbon: { intensity: 0.5, industryAverage: 0.8, previousIntensity: 0.55, dataQuality: 2 },
      });
      scoreApplication(pushDb, officer, id);
    }
    t = performance.now();
    const pushed = await s2.runRound('manual');
    const pushMs = performance.now() - t;
    report(`push ${fmt(pushed.push!.applied)} outbox entries (${pushed.push!.batches} batches, each verified by the hub)`, `${fmt(pushMs)} ms, ${fmt(pushed.push!.applied / (pushMs / 1000))} entries/s`);
    const sample = applicationRecord(pushDb.rawRead, pushDb.rawRead.prepare('SELECT id FROM application ORDER BY rowid DESC LIMIT 1').pluck().get() as string);
    await pushDb.close();

    // 50 devices at once: each asks for the library head and the models, and pushes one entry, in a loop.
    const DEVICES = 50;
    const SECONDS = Number(process.env.BENCH_HUB_SECONDS ?? 5);
    const clients = await Promise.all(
      Array.from({ length: DEVICES }, async (_, i) => {
        const key = generateSigningKey();
        const deviceId = `bench-device-${String(i).padStart(4, '0')}`;
        const { code } = await createEnrollment(hub.db, { bank: '江门农商银行', branch: `网点${i % 5}` });
        const proof = { code, deviceId, publicKey: key.publicKey };
        const res = await new HubClient({ baseUrl: server.url }).post('/v1/enroll', { ...proof, deviceName: deviceId, signature: signText(key.privateKey, enrollProofText(proof)) }, enrollResponseSchema);
        return { deviceId, client: new HubClient({ baseUrl: server.url, token: res.token, attempts: 1 }), seq: 0 };
      }),
    );
    const latencies: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < until) {
          for (const call of [
            () => c.client.get('/v1/library/head', libraryHeadSchema),
            () => c.client.get('/v1/models?after=0', modelsPageSchema),
            () => {
              const e = { seq: ++c.seq, kind: 'application' as const, entityId: sample.id, payload: sample, createdAt: new Date().toISOString() };
              return c.client.post('/v1/push', { deviceId: c.deviceId, entries: [{ ...e, hash: sha256Hex(entryHashInput(e)) }] }, pushResponseSchema);
            },
          ]) {
            const s = performance.now();
            await call();
            latencies.push(performance.now() - s);
          }
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    report(`hub: ${DEVICES} devices at once for ${SECONDS} s (head, models, push)`, `${fmt(latencies.length / SECONDS)} requests/s, p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms`);
  } finally {
    await server.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
