// Starts the real app in browser mode (`greendesk serve`) on a fresh demo database file for the e2e tests, and
// hands its URL to the tests through the environment. Returns the teardown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGreendesk, startServe } from '../helpers/cli.js';

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-e2e-'));
  const db = join(dir, 'e2e.db');
  const demo = runGreendesk(['demo', '--db', db, '--projects', '2000', '--json']);
  if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  const serve = startServe(['--db', db]);
  const { url } = await serve.ready;
  process.env.GREENDESK_E2E_URL = url;
  process.env.GREENDESK_E2E_DB = db;
  return async () => {
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
