/**
 * The hub's library: every version of every project, published from the city's snapshot files with the same
 * rules as a local import (an older snapshot refused, the same version changes nothing, a project missing from a
 * newer snapshot withdrawn, never deleted), and served to devices as the changes between two versions, page by
 * page in id order. A page for (from, to] is the same whenever it is asked for, even while a newer version is
 * being published, so a pull that stops and resumes never mixes two versions.
 */
import { sql, type Kysely } from 'kysely';
import { changedFields, withdrawnAt } from '../../shared/domain/library-diff.js';
import type { Project } from '../../shared/domain/project.js';
import { AppError } from '../../shared/errors.js';
import type { LibraryChanges, LibraryHead } from '../../shared/sync/protocol.js';
import type { HubDatabase } from '../db/schema.js';

export interface PublishMeta {
  version: number;
  issuer: string;
  issuedAt: string;
}

export interface PublishCounts {
  version: number;
  inserted: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
}

const BATCH = 500;

async function inBatches<T>(items: readonly T[], fn: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await fn(items.slice(i, i + BATCH));
}

export async function libraryHead(db: Kysely<HubDatabase>): Promise<LibraryHead> {
  const v = await db.selectFrom('hubLibraryVersion').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!v) return { version: 0, issuer: '', issuedAt: '', publishedAt: '', projectCount: 0 };
  const n = await db.selectFrom('hubProject').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { version: v.version, issuer: v.issuer, issuedAt: v.issuedAt, publishedAt: v.publishedAt, projectCount: Number(n.n) };
}

/**
 * Publishes a validated snapshot as the hub's next library version, in one transaction. `retain`: ids whose rows
 * were rejected (with --skip-invalid): left as they are, never withdrawn because of a bad row.
 */
export async function publishLibrary(
  db: Kysely<HubDatabase>,
  meta: PublishMeta,
  projects: readonly Project[],
  retain: ReadonlySet<string> = new Set(),
  now = new Date(),
): Promise<PublishCounts> {
  return db.transaction().execute(async (trx) => {
    // A write first: it takes SQLite's lock for the whole publish, and on PostgreSQL makes two publishes queue.
    await trx.insertInto('hubMeta').values({ key: 'library.publishing', value: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: now.toISOString() })).execute();
    const head = await trx.selectFrom('hubLibraryVersion').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
    const counts: PublishCounts = { version: meta.version, inserted: 0, updated: 0, unchanged: 0, withdrawn: 0 };
    if (head && meta.version < head.version) {
      throw new AppError('SNAPSHOT_OLDER', { path: 'version', params: { found: meta.version, local: head.version } });
    }
    if (head && meta.version === head.version) {
      const n = await trx.selectFrom('hubProject').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts.unchanged = Number(n.n);
      return counts;
    }
    const current = new Map<string, Project>();
    for (const r of await trx.selectFrom('hubProject').select(['id', 'data']).execute()) current.set(r.id, JSON.parse(r.data) as Project);
    const writes: { p: Project; changed: string[] }[] = [];
    const seen = new Set<string>();
    for (const p of projects) {
      if (seen.has(p.id)) throw new AppError('DUPLICATE_ID', { path: p.id, params: { value: p.id } });
      seen.add(p.id);
      const next: Project = { ...p, libraryVersion: meta.version };
      const prev = current.get(p.id);
      if (!prev) {
        writes.push({ p: next, changed: [] });
        counts.inserted++;
        continue;
      }
      const changed = changedFields(prev, next);
      if (changed.length === 0) counts.unchanged++;
      else {
        writes.push({ p: next, changed });
        counts.updated++;
      }
    }
    for (const [id, prev] of current) {
      if (seen.has(id) || retain.has(id) || prev.status === 'withdrawn') continue;
      writes.push({ p: withdrawnAt(prev, meta.version), changed: ['status'] });
      counts.withdrawn++;
    }
    await inBatches(writes, (batch) =>
      trx
        .insertInto('hubProject')
        .values(batch.map(({ p }) => ({ id: p.id, version: meta.version, status: p.status, data: JSON.stringify(p) })))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), status: eb.ref('excluded.status'), data: eb.ref('excluded.data') })))
        .execute(),
    );
    await inBatches(writes, (batch) =>
      trx
        .insertInto('hubProjectVersion')
        .values(batch.map(({ p, changed }) => ({ projectId: p.id, version: meta.version, data: JSON.stringify(p), changed: JSON.stringify(changed) })))
        .execute(),
    );
    await trx
      .insertInto('hubLibraryVersion')
      .values({
        version: meta.version, issuer: meta.issuer, issuedAt: meta.issuedAt, publishedAt: now.toISOString(),
        inserted: counts.inserted, updated: counts.updated, withdrawn: counts.withdrawn, unchanged: counts.unchanged, total: current.size + counts.inserted,
      })
      .execute();
    return counts;
  });
}

/**
 * One page of the projects that changed in (from, to], each as it stood at `to`, ids after `after` in order.
 * `from` must be 0 (everything: a first download) or a version the hub published; `to` a published version.
 */
export async function libraryChanges(db: Kysely<HubDatabase>, q: { from: number; to: number; after: string; limit: number }): Promise<LibraryChanges> {
  if (q.to < q.from) throw new AppError('BAD_VERSION_RANGE', { path: 'to', params: { detail: `${q.from} > ${q.to}` } });
  const target = await db.selectFrom('hubLibraryVersion').selectAll().where('version', '=', q.to).executeTakeFirst();
  if (!target) throw new AppError('UNKNOWN_BASE_VERSION', { path: 'to', params: { version: q.to } });
  if (q.from > 0) {
    const base = await db.selectFrom('hubLibraryVersion').select('version').where('version', '=', q.from).executeTakeFirst();
    if (!base) throw new AppError('UNKNOWN_BASE_VERSION', { path: 'from', params: { version: q.from } });
  }
  const rows = await db
    .selectFrom('hubProjectVersion as v')
    .select(['v.projectId', 'v.data'])
    .where('v.version', '>', q.from)
    .where('v.version', '<=', q.to)
    .where('v.projectId', '>', q.after)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('hubProjectVersion as w').select(sql`1`.as('one')).whereRef('w.projectId', '=', 'v.projectId').whereRef('w.version', '>', 'v.version').where('w.version', '<=', q.to))),
    )
    .orderBy('v.projectId')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  // The total is counted once, for the first page (the device keeps it for its "N / M").
  const total =
    q.after === ''
      ? await db
          .selectFrom('hubProjectVersion')
          .select((eb) => eb.fn.count<number>('projectId').distinct().as('n'))
          .where('version', '>', q.from)
          .where('version', '<=', q.to)
          .executeTakeFirstOrThrow()
      : null;
  return {
    from: q.from,
    to: q.to,
    issuer: target.issuer,
    issuedAt: target.issuedAt,
    total: total ? Number(total.n) : null,
    // Validated when published; the device validates again on arrival.
    projects: page.map((r) => JSON.parse(r.data) as Project),
    next: rows.length > q.limit ? page[page.length - 1]!.projectId : null,
  };
}

/** The state of a project as of a library version (its latest version at or below it), for verifying scores. */
export async function projectAt(db: Kysely<HubDatabase>, id: string, version: number): Promise<Project | null> {
  const row = await db
    .selectFrom('hubProjectVersion')
    .select('data')
    .where('projectId', '=', id)
    .where('version', '<=', version)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Project) : null;
}

/** Every current project in id order, in pages (the hub's own export of its library). */
export async function* allProjects(db: Kysely<HubDatabase>, pageSize = 2000): AsyncGenerator<Project> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('hubProject').select(['id', 'data']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield JSON.parse(r.data) as Project;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
