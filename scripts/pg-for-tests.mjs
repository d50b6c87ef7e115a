// A throwaway PostgreSQL server for the hub tests, on loopback: `npm test` starts one when GREENDESK_TEST_PG is not
// set and Debian's PostgreSQL binaries are installed (.ci/run installs them), and stops it at the end. It is a
// cluster of its own in a temporary folder (trust authentication, loopback only, fsync off: test data), so it
// never touches a PostgreSQL the machine already runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pgBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server and returns { url, stop }, or { skipped: reason }. */
export async function startTestPostgres() {
  const bin = pgBin();
  if (!bin) return { skipped: 'PostgreSQL is not installed (apt-get install postgresql); the hub tests run on SQLite only' };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const asPg = (cmd, args) => (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (cmd, args) => {
    const [c, a] = asPg(cmd, args);
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'greendesk', '-E', 'UTF8', '--no-locale']);
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'greendesk', 'greendesk_test']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `could not start PostgreSQL: ${err.message.split('\n')[0]}` };
  }
  return {
    url: `postgres://greendesk@127.0.0.1:${port}/greendesk_test`,
    stop() {
      try {
        const [c, a] = asPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
        execFileSync(c, a, { stdio: 'ignore' });
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
