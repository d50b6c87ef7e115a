/**
 * `greendesk hub export`: the hub's current library as a city snapshot file (greendesk.library.v1, money in yuan),
 * written as it is read, page by page. It is what head office hands a branch with no connection (the file imports
 * like any other), and the yardstick for the first-sync benchmark.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { SNAPSHOT_FORMAT, projectToSnapshotProject } from '../../shared/domain/snapshot.js';
import type { HubDatabase } from '../db/schema.js';
import { allProjects, libraryHead } from './library.js';

export async function exportHubLibrary(db: Kysely<HubDatabase>, out: string): Promise<{ out: string; version: number; projects: number }> {
  const head = await libraryHead(db);
  const tmp = `${out}.partial`;
  const stream = createWriteStream(tmp, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!stream.write(s)) await once(stream, 'drain');
  };
  let n = 0;
  try {
    await write(`{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"version":${head.version},"issuedAt":${JSON.stringify(head.issuedAt || new Date().toISOString())},"issuer":${JSON.stringify(head.issuer)},"projects":[`);
    for await (const p of allProjects(db)) {
      await write((n++ === 0 ? '\n' : ',\n') + JSON.stringify(projectToSnapshotProject(p)));
    }
    await write('\n]}\n');
    stream.end();
    await once(stream, 'finish');
  } catch (err) {
    stream.destroy();
    throw err;
  }
  await rename(tmp, out);
  return { out, version: head.version, projects: n };
}
