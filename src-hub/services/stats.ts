/** What the hub holds, for `greendesk hub stats` and the admin: the four counts PRODUCT.md names, and more. */
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';
import { libraryHead } from './library.js';

export interface HubStats {
  projects: number;
  devices: number;
  applications: number;
  checks: number;
  loans: number;
  libraryVersion: number;
  entries: { applied: number; rejected: number };
  branches: { bank: string; branch: string; devices: number }[];
}

const count = (n: { n: number | string }) => Number(n.n);

export async function hubStats(db: Kysely<HubDatabase>): Promise<HubStats> {
  const head = await libraryHead(db);
  const devices = await db.selectFrom('hubDevice').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const records = await db.selectFrom('hubRecord').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
  const pushes = await db.selectFrom('hubPush').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const branches = await db
    .selectFrom('hubBranch as b')
    .leftJoin('hubDevice as d', 'd.branchId', 'b.id')
    .select(['b.bank', 'b.name', (eb) => eb.fn.count<number>('d.id').as('n')])
    .groupBy(['b.id', 'b.bank', 'b.name'])
    .orderBy('b.bank')
    .orderBy('b.name')
    .execute();
  const kind = (k: string) => count(records.find((r) => r.kind === k) ?? { n: 0 });
  const status = (s: string) => count(pushes.find((r) => r.status === s) ?? { n: 0 });
  return {
    projects: head.projectCount,
    devices: count(devices),
    applications: kind('application'),
    checks: kind('check'),
    loans: kind('loan'),
    libraryVersion: head.version,
    entries: { applied: status('applied'), rejected: status('rejected') },
    branches: branches.map((b) => ({ bank: b.bank, branch: b.name, devices: count(b) })),
  };
}
