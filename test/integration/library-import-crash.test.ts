// A process killed (SIGKILL) in the middle of writing an import leaves the database as it was before the import.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/db/open.js';
import { runLibraryImport } from '../../src-main/services/library-import/import.js';
import { writeJson } from '../helpers/library-files.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const CHILD = fileURLToPath(new URL('../helpers/import-child.ts', import.meta.url));

/** Runs the child and kills it once it has reported `killAfter` write steps; resolves whether it was killed. */
function importAndKill(dbFile: string, file: string, killAfter: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbFile, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let writes = 0;
    let killed = false;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (line.startsWith('write ') && line !== 'write 0' && ++writes >= killAfter && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(true) : code === 0 ? resolve(false) : reject(new Error(err))));
  });
}

describe('an import killed mid-write', () => {
  it.each([1, 3, 6])('after %i write steps: nothing of it is left, the database is intact', async (killAfter) => {
    const dir = tempDir();
    const dbFile = join(dir, 'crash.db');
    const db = openDatabase(dbFile);
    await runLibraryImport(db, writeJson(dir, 'v1.json', snapshot(1, [project(1), project(2)])));
    await db.close();
    const big = writeJson(dir, 'v2.json', snapshot(2, Array.from({ length: 16_000 }, (_, i) => project(i + 1, { sourceDept: '市发展和改革局' }))));

    const killed = await importAndKill(dbFile, big, killAfter);
    expect(killed).toBe(true);

    const raw = new BetterSqlite3(dbFile);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT version FROM library_state').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM project').pluck().get()).toBe(2);
    expect(raw.prepare('SELECT count(*) FROM project_version').pluck().get()).toBe(0);
    raw.close();

    // And the same import then succeeds.
    const again = openDatabase(dbFile);
    expect(await runLibraryImport(again, big)).toMatchObject({ version: 2, inserted: 15_998, updated: 2 });
    await again.close();
  });
});
