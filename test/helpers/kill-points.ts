/**
 * SIGKILL at many points of a sync round, then a restart: the kill-point suite. A template device (demo data,
 * pending outbox entries) is copied for each point and enrolled as a device of its own; `greendesk sync` runs as
 * a real process through a fault proxy that kills it when the k-th request arrives (before the hub sees it),
 * after the hub answered (the answer never arrives), or half-way through the answer; other points are failpoints
 * inside local transactions (GREENDESK_FAILPOINT). After each kill the database must be sound: integrity_check
 * ok, the library one version or the other (never a mix), the pull's cursor never ahead of its staged data,
 * nothing marked sent that the hub lacks. Then the round is run again, and everything must be there exactly once.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import { SyncService } from '../../src-main/services/sync/service.js';
import { createEnrollment } from '../../src-hub/services/devices.js';
import { BIN } from './cli.js';
import { FAST, demoVersions, hubLibrary, localLibrary, makeDevice, newApplication, publish } from './device.js';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';
import { startTestHub, type HubKind, type RunningHub } from './hub.js';

export const PAGE = 25;
export const BATCH = 5;
const ENV = { GREENDESK_SYNC_PAGE: String(PAGE), GREENDESK_SYNC_BATCH: String(BATCH), GREENDESK_SYNC_ATTEMPTS: '1', GREENDESK_SYNC_TIMEOUT_MS: '20000' };

export type KillPoint = { name: string } & ({ request: number; at: 'before' | 'after' | 'mid' } | { failpoint: string });

export interface KillSuite {
  hub: RunningHub;
  dir: string;
  template: string;
  templateLibrary: ReturnType<typeof localLibrary>;
  hubRows: Awaited<ReturnType<typeof hubLibrary>>;
  /** Requests in one whole round of a fresh copy. */
  requests: number;
  close(): Promise<void>;
}

interface ChildRun {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function runChild(file: string, env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, [BIN, 'sync', '--db', file, '--json'], { env: { ...process.env, ...ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))) };
}

/** A copy of the template as a device of its own, enrolled through `proxy`; closed again (the child opens it). */
async function freshCopy(s: KillSuite, proxy: FaultProxy, name: string): Promise<string> {
  const file = join(s.dir, `${name}.db`);
  copyFileSync(s.template, file);
  const db = openDatabase(file);
  db.rawWrite.prepare("DELETE FROM setting WHERE key LIKE 'device.%' OR key LIKE 'hub.%' OR key LIKE 'sync.%'").run();
  const { code } = await createEnrollment(s.hub.hub.db, { bank: '江门农商银行', branch: '蓬江支行' });
  await new SyncService(db, { client: FAST }).enroll(code, proxy.url);
  await db.close();
  return file;
}

export async function killSuite(kind: HubKind): Promise<KillSuite> {
  const hub = await startTestHub(kind);
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-kill-'));
  const [v10] = demoVersions(600);
  await publish(hub.hub.db, v10);
  const t = await makeDevice(dir, { name: 'template', projects: 150 });
  for (let i = 0; i < 8; i++) newApplication(t.db, i);
  const templateLibrary = localLibrary(t.db);
  await t.close();
  const suite: KillSuite = {
    hub, dir, template: t.file, templateLibrary, hubRows: await hubLibrary(hub.hub.db), requests: 0,
    async close() {
      await hub.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A dry run: how many requests one whole round makes.
  const proxy = await startFaultProxy(hub.url);
  const file = await freshCopy(suite, proxy, 'dry');
  const before = proxy.requests.length;
  const r = await runChild(file, {}).done;
  if (r.code !== 0) throw new Error(`dry run failed: ${r.stderr}`);
  suite.requests = proxy.requests.length - before;
  await proxy.close();
  return suite;
}

export function killPoints(requests: number): KillPoint[] {
  const points: KillPoint[] = [];
  for (let k = 1; k <= requests; k++) for (const at of ['before', 'after', 'mid'] as const) points.push({ name: `request ${k} ${at}`, request: k, at });
  for (let n = 1; n <= 4; n++) points.push({ name: `inside page transaction ${n}`, failpoint: `pull.page:${n}` });
  points.push({ name: 'inside the library apply, before its commit', failpoint: 'pull.apply' });
  for (let n = 1; n <= 3; n++) points.push({ name: `after push answer ${n}, before recording it`, failpoint: `push.answer:${n}` });
  for (let n = 1; n <= 3; n++) points.push({ name: `inside recording push answer ${n}`, failpoint: `push.record:${n * 2}` });
  return points;
}

async function checkSound(s: KillSuite, db: AppDb, deviceId: string) {
  expect(db.rawWrite.pragma('integrity_check', { simple: true })).toBe('ok');
  const lib = localLibrary(db);
  // One version or the other, whole.
  if (lib.version === s.templateLibrary.version && lib.source === s.templateLibrary.source) expect(lib.rows).toEqual(s.templateLibrary.rows);
  else expect(lib).toMatchObject({ version: 10, source: 'hub', rows: s.hubRows });
  // The cursor never ahead of the data.
  const pull = db.rawRead.prepare('SELECT received, cursor, done FROM library_pull').get() as { received: number; cursor: string; done: number } | undefined;
  const staged = db.rawRead.prepare('SELECT count(*) FROM library_pull_project').pluck().get() as number;
  if (!pull) expect(staged).toBe(0);
  else {
    expect(staged).toBe(pull.received);
    if (pull.cursor) expect(db.rawRead.prepare('SELECT count(*) FROM library_pull_project WHERE project_id > ?').pluck().get(pull.cursor)).toBe(0);
  }
  // Nothing marked sent that the hub lacks; nothing at the hub the device does not have.
  const local = new Map((db.rawRead.prepare('SELECT seq, hash, state FROM outbox').all() as { seq: number; hash: string; state: string }[]).map((r) => [r.seq, r]));
  const remote = await s.hub.hub.db.selectFrom('hubPush').select(['seq', 'hash']).where('deviceId', '=', deviceId).execute();
  for (const r of remote) expect(local.get(r.seq)?.hash).toBe(r.hash);
  const atHub = new Set(remote.map((r) => r.seq));
  for (const e of local.values()) if (e.state === 'sent') expect(atHub.has(e.seq)).toBe(true);
}

export async function runKillPoint(s: KillSuite, p: KillPoint, index: number): Promise<void> {
  const proxy = await startFaultProxy(s.hub.url);
  try {
    const file = await freshCopy(s, proxy, `p${index}`);
    const base = proxy.requests.length;
    let run: ChildRun | null = null;
    // The hook kills the process and waits until it is gone, so nothing it would have done next can happen.
    const kill = async () => {
      if (!run || run.child.exitCode !== null) return;
      run.child.kill('SIGKILL');
      await run.done;
    };
    if ('request' in p) proxy.setPolicy((r): Fault => (r.index - base === p.request ? { kind: 'hook', at: p.at, hook: kill } : { kind: 'pass' }));
    run = runChild(file, 'failpoint' in p ? { GREENDESK_FAILPOINT: p.failpoint } : {});
    const out = await run.done;
    expect(out.signal, `${p.name}: the process was not killed (exit ${out.code}: ${out.stderr.slice(0, 300)})`).toBe('SIGKILL');
    proxy.setPolicy(() => ({ kind: 'pass' }));
    const db = openDatabase(file);
    try {
      const sync = new SyncService(db, { client: FAST, pageSize: PAGE, batchEntries: BATCH });
      const deviceId = sync.status().deviceId;
      await checkSound(s, db, deviceId);
      const again = await sync.runRound('manual');
      expect(again.error, p.name).toBeNull();
      expect(localLibrary(db), p.name).toMatchObject({ version: 10, source: 'hub', rows: s.hubRows });
      expect(db.rawRead.prepare('SELECT count(*) FROM library_pull_project').pluck().get()).toBe(0);
      const local = db.rawRead.prepare('SELECT seq, hash, state FROM outbox ORDER BY seq').all() as { seq: number; hash: string; state: string }[];
      expect(local.every((e) => e.state === 'sent'), p.name).toBe(true);
      const remote = await s.hub.hub.db.selectFrom('hubPush').select(['seq', 'hash']).where('deviceId', '=', deviceId).orderBy('seq').execute();
      expect(remote, p.name).toEqual(local.map(({ seq, hash }) => ({ seq, hash })));
      expect(db.rawWrite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await db.close();
    }
  } finally {
    await proxy.close();
  }
}
