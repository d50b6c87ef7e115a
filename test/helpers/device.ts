/**
 * A branch device under test: a real database file with the demo (library, accounts, four applications), its
 * sync service with a fast back-off, and helpers to enrol it with a hub and to write records the way the window
 * does (through the services, so every write enqueues its outbox entry).
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { generateDemoSnapshot, generateDemoSnapshotNext } from '../../src-main/services/demo/generate.js';
import type { LibrarySnapshot } from '../../shared/domain/snapshot.js';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import { seedDemo } from '../../src-main/services/demo-seed.js';
import { createApplication, scoreApplication, transitionApplication } from '../../src-main/services/applications.js';
import { SyncService, type SyncOptions } from '../../src-main/services/sync/service.js';
import type { SessionUser } from '../../src-main/services/sessions.js';
import { validateSnapshotDocument } from '../../src-node/library-files/read.js';
import type { HubDatabase } from '../../src-hub/db/schema.js';
import { createEnrollment } from '../../src-hub/services/devices.js';
import { publishLibrary } from '../../src-hub/services/library.js';

export interface Device {
  db: AppDb;
  sync: SyncService;
  file: string;
  close(): Promise<void>;
}

export const FAST: SyncOptions['client'] = { attempts: 3, backoffBaseMs: 5, timeoutMs: 15_000 };

export async function makeDevice(dir: string, o: { name?: string; demo?: boolean; projects?: number; sync?: SyncOptions } = {}): Promise<Device> {
  const file = join(dir, `${o.name ?? 'device'}.db`);
  const db = openDatabase(file);
  if (o.demo !== false) await seedDemo(db, { projects: o.projects ?? 200 });
  const sync = new SyncService(db, { client: FAST, ...o.sync });
  return { db, sync, file, close: () => db.close() };
}

export async function enrollWith(hub: Kysely<HubDatabase>, url: string, device: Device, branch = '蓬江支行', bank = '江门农商银行') {
  const { code } = await createEnrollment(hub, { bank, branch });
  return device.sync.enroll(code, url);
}

/** Publishes a snapshot document at the hub exactly as `greendesk hub publish` would (validated rows). */
export async function publish(hub: Kysely<HubDatabase>, doc: LibrarySnapshot) {
  const v = await validateSnapshotDocument(doc);
  if (v.rejected.length) throw new Error(`snapshot has bad rows: ${JSON.stringify(v.rejected.slice(0, 3))}`);
  return publishLibrary(hub, v.meta, v.projects, v.rejectedIds);
}

export function demoVersions(projects: number, first = 10): [LibrarySnapshot, LibrarySnapshot] {
  const a = generateDemoSnapshot({ projects, version: first });
  return [a, generateDemoSnapshotNext(a)];
}

export const user = (db: AppDb, username: string): SessionUser => {
  const r = db.rawRead.prepare('SELECT id, username, display_name, role FROM user WHERE username = ?').get(username) as { id: number; username: string; display_name: string; role: SessionUser['role'] };
  return { id: r.id, username: r.username, displayName: r.display_name, role: r.role };
};

/** A draft application for the n-th listed project, scored (two outbox entries). */
export function newApplication(db: AppDb, n = 0): string {
  const p = db.rawRead.prepare("SELECT id, owner_name, owner_uscc, district, industry_code, category FROM project WHERE status <> 'withdrawn' ORDER BY id LIMIT 1 OFFSET ?").get(n) as {
    id: string; owner_name: string; owner_uscc: string; district: string; industry_code: string; category: string;
  };
  const officer = user(db, 'zhangwei');
  const id = createApplication(db, officer, {
    asOf: '2026-11-22',
    applicant: { name: p.owner_name, uscc: p.owner_uscc, district: p.district, industryCode: p.industry_code },
    loan: { amountYuan: 5_000_000, termMonths: 36, riskSpreadBps: 45, greenCategory: p.category, projectId: p.id },
    carbon: { intensity: 0.5, industryAverage: 0.8, previousIntensity: 0.55, dataQuality: 2 },
    envCredit: { rating: 'green', year: 2025 },
  });
  scoreApplication(db, officer, id);
  return id;
}

export function submitAndApprove(db: AppDb, id: string): void {
  transitionApplication(db, user(db, 'zhangwei'), id, 'submit', '');
  transitionApplication(db, user(db, 'lina'), id, 'approve', '');
}

/** The local library as comparable rows: every project's id and stored record. */
export function localLibrary(db: AppDb) {
  const state = db.rawRead.prepare('SELECT version, source FROM library_state WHERE id = 1').get() as { version: number; source: string } | undefined;
  const rows = db.rawRead.prepare('SELECT id, name, status, library_version FROM project ORDER BY id').all() as { id: string; name: string; status: string; library_version: number }[];
  return { version: state?.version ?? null, source: state?.source ?? null, rows };
}

/** The hub's library at its head as the same rows. */
export async function hubLibrary(hub: Kysely<HubDatabase>) {
  const rows = await hub.selectFrom('hubProject').select(['id', 'data']).orderBy('id').execute();
  return rows.map((r) => {
    const p = JSON.parse(r.data) as { id: string; name: string; status: string; libraryVersion: number };
    return { id: p.id, name: p.name, status: p.status, library_version: p.libraryVersion };
  });
}

export function outboxStates(db: AppDb): Record<string, number> {
  const rows = db.rawRead.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
