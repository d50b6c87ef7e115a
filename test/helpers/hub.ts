/**
 * The hub under test, on both of its databases: embedded SQLite in a temporary folder, and PostgreSQL when
 * GREENDESK_TEST_PG names a server (`.ci/run` starts one on loopback): each use gets a fresh schema of its own,
 * dropped afterwards. The same tests run on both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openHubDb, type HubDb } from '../../src-hub/db/open.js';
import { startHubServer, type HubServer } from '../../src-hub/http/server.js';

export const PG_URL = process.env.GREENDESK_TEST_PG;

export type HubKind = 'sqlite' | 'pg';

/** The kinds of hub database this run can test: SQLite always, PostgreSQL when a server was given. */
export const HUB_KINDS: HubKind[] = PG_URL ? ['sqlite', 'pg'] : ['sqlite'];
// CI (.ci/run) sets GREENDESK_REQUIRE_PG: there, a missing server is a failure, not a quietly smaller suite.
if (!PG_URL && process.env.GREENDESK_REQUIRE_PG) throw new Error('GREENDESK_REQUIRE_PG is set but GREENDESK_TEST_PG is not: the hub tests must run on PostgreSQL too');

export interface HubTarget {
  kind: HubKind;
  /** The CLI's way to the same database: ['--data', DIR] or ['--pg', URL]. */
  cliArgs: string[];
  open(): Promise<HubDb>;
  dispose(): Promise<void>;
}

export async function makeHubTarget(kind: HubKind): Promise<HubTarget> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'greendesk-hub-'));
    return { kind, cliArgs: ['--data', dir], open: () => openHubDb({ dataDir: dir }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `gd_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind,
    cliArgs: ['--pg', url.toString()],
    open: () => openHubDb({ pgUrl: url.toString() }),
    async dispose() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface RunningHub {
  target: HubTarget;
  hub: HubDb;
  server: HubServer;
  url: string;
  stop(): Promise<void>;
}

/** A real hub server on loopback over a fresh database of the kind. */
export async function startTestHub(kind: HubKind): Promise<RunningHub> {
  const target = await makeHubTarget(kind);
  const hub = await target.open();
  const server = await startHubServer({ hub, port: 0, host: '127.0.0.1', log: () => undefined });
  return {
    target, hub, server, url: server.url,
    async stop() {
      await server.close();
      await hub.close();
      await target.dispose();
    },
  };
}

/** `greendesk hub … --port 0` as a real process on the target's database; resolves with its URL. */
export async function startHubProcess(target: HubTarget): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('./cli.js');
  const child = spawn(process.execPath, [BIN, 'hub', ...target.cliArgs, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
