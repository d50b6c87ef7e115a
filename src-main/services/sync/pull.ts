/**
 * Pulling the library and the models from the hub.
 *
 * Library: the changes between the local version and the hub's, page by page. Each page and the cursor after it
 * are committed together in one local transaction, into a staging table — so a pull killed at any point resumes
 * at the first page it does not have, and the cursor is never ahead of the data. The local library itself
 * changes only when the last page is in: in one transaction that applies the staged projects and clears the
 * staging, so the library always equals one hub version, never a mix of two. A device that has nothing from this
 * hub (no library, a demo library, or a version the hub never published) downloads the whole library instead
 * and it replaces the local one (projects the hub does not list become withdrawn, as with a snapshot file).
 *
 * Models: in publication order after the last one received; each page with its cursor in one transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Project } from '../../../shared/domain/project.js';
import { AppError } from '../../../shared/errors.js';
import { readModelDocument } from '../../../shared/model-document.js';
import { libraryChangesSchema, libraryHeadSchema, modelsPageSchema } from '../../../shared/sync/protocol.js';
import type { AppDb } from '../../db/open.js';
import { applySnapshotAsync } from '../../db/mutations/library.js';
import { putSettingIn } from '../../db/mutations/settings.js';
import { settingOf } from '../../db/queries/settings.js';
import { HubRefusal, type HubClient } from './hub-client.js';
import { failpoint } from './failpoint.js';
import { KEYS } from './identity.js';

export const PAGE_SIZE = 1000;

export interface PullProgress {
  phase: 'library' | 'apply' | 'models';
  done: number;
  total: number;
}

export interface LibraryPullReport {
  /** What happened: already current, pulled and applied, or nothing to pull (the hub has no library). */
  outcome: 'current' | 'applied' | 'empty' | 'local-newer';
  from: number | null;
  to: number;
  mode: 'delta' | 'replace' | null;
  received: number;
  pages: number;
  resumed: boolean;
  counts?: { inserted: number; updated: number; unchanged: number; withdrawn: number };
}

interface PullRow {
  mode: 'delta' | 'replace';
  base_version: number | null;
  from_version: number;
  to_version: number;
  issuer: string;
  issued_at: string;
  cursor: string;
  done: number;
  total: number | null;
  received: number;
}

const pullRow = (conn: BetterSqlite3.Database) => conn.prepare('SELECT * FROM library_pull WHERE id = 1').get() as PullRow | undefined;
const localState = (conn: BetterSqlite3.Database) =>
  conn.prepare('SELECT version, source FROM library_state WHERE id = 1').get() as { version: number; source: string } | undefined;

function discardPull(conn: BetterSqlite3.Database): void {
  conn
    .transaction(() => {
      conn.prepare('DELETE FROM library_pull_project').run();
      conn.prepare('DELETE FROM library_pull').run();
    })
    .immediate();
}

function startPull(conn: BetterSqlite3.Database, mode: 'delta' | 'replace', from: number, to: { version: number; issuer: string; issuedAt: string }, now: Date): PullRow {
  const at = now.toISOString();
  conn
    .transaction(() => {
      conn.prepare('DELETE FROM library_pull_project').run();
      conn.prepare('DELETE FROM library_pull').run();
      conn
        .prepare(
          `INSERT INTO library_pull (id, mode, base_version, from_version, to_version, issuer, issued_at, cursor, done, total, received, started_at, updated_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, '', 0, NULL, 0, ?, ?)`,
        )
        .run(mode, localState(conn)?.version ?? null, from, to.version, to.issuer, to.issuedAt, at, at);
    })
    .immediate();
  return pullRow(conn)!;
}

/** The staged projects in id order, read page by page (each read completes before the next write). */
function* staged(conn: BetterSqlite3.Database): Generator<Project> {
  const page = conn.prepare('SELECT project_id, data FROM library_pull_project WHERE project_id > ? ORDER BY project_id LIMIT 2000');
  let after = '';
  for (;;) {
    const rows = page.all(after) as { project_id: string; data: string }[];
    for (const r of rows) yield JSON.parse(r.data) as Project;
    if (rows.length < 2000) return;
    after = rows[rows.length - 1]!.project_id;
  }
}

export async function pullLibrary(
  db: AppDb,
  hub: HubClient,
  o: { replace?: boolean; onProgress?: (p: PullProgress) => void; now?: () => Date; pageSize?: number } = {},
): Promise<LibraryPullReport> {
  const conn = db.rawWrite;
  const now = o.now ?? (() => new Date());
  const head = await hub.get('/v1/library/head', libraryHeadSchema);
  let pull = pullRow(conn);
  const resumed = pull !== undefined;
  // A pull for a version the hub no longer has (a hub restored from a backup), or not the re-download asked for.
  if (pull && (pull.to_version > head.version || (o.replace && pull.mode !== 'replace'))) {
    discardPull(conn);
    pull = undefined;
  }
  const local = localState(conn);
  if (!pull) {
    if (head.version === 0) return { outcome: 'empty', from: local?.version ?? null, to: 0, mode: null, received: 0, pages: 0, resumed: false };
    if (!o.replace && local && local.source !== 'demo' && local.version >= head.version) {
      return { outcome: local.version === head.version ? 'current' : 'local-newer', from: local.version, to: head.version, mode: null, received: 0, pages: 0, resumed: false };
    }
    const delta = !o.replace && local !== undefined && local.source !== 'demo';
    pull = startPull(conn, delta ? 'delta' : 'replace', delta ? local.version : 0, head, now());
  }
  let pages = 0;
  while (pull.done === 0) {
    const q = new URLSearchParams({ from: String(pull.from_version), to: String(pull.to_version), after: pull.cursor, limit: String(o.pageSize ?? PAGE_SIZE) });
    let page;
    try {
      page = await hub.get(`/v1/library/changes?${q}`, libraryChangesSchema);
    } catch (err) {
      // Our base version is not one the hub published (a file import, another hub): download it whole instead.
      if (err instanceof HubRefusal && err.code === 'UNKNOWN_BASE_VERSION' && pull.mode === 'delta') {
        pull = startPull(conn, 'replace', 0, { version: pull.to_version, issuer: pull.issuer, issuedAt: pull.issued_at }, now());
        continue;
      }
      throw err;
    }
    for (const p of page.projects) if (p.libraryVersion > pull.to_version) throw new AppError('HUB_BAD_RESPONSE', { params: { detail: `project ${p.id} is newer than ${pull.to_version}` } });
    const current = pull;
    conn
      .transaction(() => {
        const put = conn.prepare('INSERT INTO library_pull_project (project_id, data) VALUES (?, ?) ON CONFLICT (project_id) DO UPDATE SET data = excluded.data');
        for (const p of page.projects) put.run(p.id, JSON.stringify(p));
        failpoint('pull.page');
        conn
          .prepare('UPDATE library_pull SET cursor = ?, done = ?, total = coalesce(?, total), received = received + ?, updated_at = ? WHERE id = 1')
          .run(page.next ?? page.projects.at(-1)?.id ?? current.cursor, page.next === null ? 1 : 0, page.total, page.projects.length, now().toISOString());
      })
      .immediate();
    pages++;
    pull = pullRow(conn)!;
    o.onProgress?.({ phase: 'library', done: pull.received, total: pull.total ?? pull.received });
  }
  const final = pull;
  const count = final.received;
  o.onProgress?.({ phase: 'apply', done: 0, total: count });
  const counts = await applySnapshotAsync(
    conn,
    { version: final.to_version, issuer: final.issuer, issuedAt: final.issued_at, source: 'hub', syncedAt: now().toISOString() },
    staged(conn),
    {
      // Either way each project keeps the hub version it last changed in, so the copy is the hub's exactly.
      mode: { whole: final.mode === 'replace', keepProjectVersions: true, replaceAnyVersion: true },
      before: () => {
        // The local library moved since the pull began (a file was imported): this pull no longer fits it.
        if ((localState(conn)?.version ?? null) !== final.base_version) throw new AppError('LIBRARY_CHANGED_DURING_PULL');
      },
      after: () => {
        conn.prepare('DELETE FROM library_pull_project').run();
        failpoint('pull.apply');
        conn.prepare('DELETE FROM library_pull').run();
      },
      onProgress: (done) => o.onProgress?.({ phase: 'apply', done, total: count }),
    },
  ).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'LIBRARY_CHANGED_DURING_PULL') discardPull(conn);
    throw err;
  });
  o.onProgress?.({ phase: 'apply', done: count, total: count });
  return {
    outcome: 'applied', from: final.mode === 'delta' ? final.from_version : (final.base_version ?? null), to: final.to_version, mode: final.mode,
    received: count, pages, resumed, counts: { inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, withdrawn: counts.withdrawn },
  };
}

export interface ModelsPullReport {
  received: number;
  added: string[];
  activated: string[];
}

/** New model documents from the hub, validated like any model, stored, and made active when head office said so. */
export async function pullModels(db: AppDb, hub: HubClient, now: () => Date = () => new Date()): Promise<ModelsPullReport> {
  const conn = db.rawWrite;
  const report: ModelsPullReport = { received: 0, added: [], activated: [] };
  for (;;) {
    const after = Number(settingOf(conn, KEYS.modelsCursor) ?? '0');
    const page = await hub.get(`/v1/models?after=${after}&limit=100`, modelsPageSchema);
    if (page.models.length === 0) return report;
    // Validate the whole page before writing any of it.
    const docs = page.models.map((m) => {
      const read = readModelDocument(m.document);
      if (read.id !== m.id || read.kind !== m.kind) throw new AppError('HUB_BAD_RESPONSE', { params: { detail: `model ${m.id} carries ${read.kind} ${read.id}` } });
      return m;
    });
    conn
      .transaction(() => {
        for (const m of docs) {
          const inserted = conn
            .prepare('INSERT INTO model_document (id, kind, document, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
            .run(m.id, m.kind, JSON.stringify(m.document), now().toISOString()).changes;
          if (inserted) report.added.push(m.id);
          if (m.activate) {
            putSettingIn(conn, m.kind === 'scoring' ? 'scoring.activeModel' : 'postloan.activeRules', m.id);
            report.activated.push(m.id);
          }
        }
        putSettingIn(conn, KEYS.modelsCursor, String(docs[docs.length - 1]!.seq));
      })
      .immediate();
    report.received += docs.length;
    if (page.next === null) return report;
  }
}
