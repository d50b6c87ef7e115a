/**
 * Applying a whole library snapshot to the local copy, in one IMMEDIATE transaction on the write connection:
 * new projects inserted, changed ones updated, every change recorded as a project version, projects missing from
 * the snapshot withdrawn (never deleted). An older snapshot is refused; the same version again changes nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { changedFields, withdrawnAt } from '../../../shared/domain/library-diff.js';
import type { Project } from '../../../shared/domain/project.js';
import { AppError } from '../../../shared/errors.js';
import { asBulkWrite } from '../bulk.js';
import { rowToProject } from '../queries/library.js';
import type { ProjectTable } from '../schema.js';

export interface SnapshotMeta {
  version: number;
  issuer: string;
  issuedAt: string;
  source: 'import' | 'hub' | 'demo';
  /** ISO timestamp recorded as the library's freshness. */
  syncedAt: string;
}

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  version: number;
}

/** The project table's columns, and a project's values for them in that order (one array: no per-column names). */
const COLUMNS = [
  'id', 'library', 'name', 'owner_name', 'owner_uscc', 'district', 'industry_code', 'category', 'total_investment_fen', 'financing_need_fen',
  'carbon_reduction_t', 'energy_saved_tce', 'waste_utilized_t', 'hazardous_disposed_t', 'source_dept', 'status', 'listed_at', 'updated_at',
  'library_version', 'changed',
] as const;

function projectValues(p: Project, version: number, changed: string): unknown[] {
  const b = p.expectedBenefits;
  return [
    p.id, p.library, p.name, p.ownerName, p.ownerUscc, p.district, p.industryCode, p.category, p.totalInvestmentFen, p.financingNeedFen,
    b.carbonReductionT, b.energySavedTce, b.wasteUtilizedT, b.hazardousDisposedT, p.sourceDept, p.status, p.listedAt, p.updatedAt, version, changed,
  ];
}

/** A project row with its columns under the names rowToProject reads (camelCase, as kysely gives them). */
const ROW_AS_PROJECT = COLUMNS.filter((c) => c !== 'changed').map((c) => `${c} AS "${c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase())}"`).join(', ');

/**
 * How a set of projects applies. A whole snapshot (a file, a re-download) withdraws what it does not list; a delta
 * (a pull from the hub) touches only what it lists, each project keeping the hub version it last changed in.
 */
export interface ApplyMode {
  whole: boolean;
  /** A re-download from the hub: its version replaces the local one even when it is not newer. */
  replaceAnyVersion?: boolean;
  /** Keep each project's own libraryVersion (the hub's) instead of stamping the snapshot's version. */
  keepProjectVersions?: boolean;
}

export const SNAPSHOT_MODE: ApplyMode = { whole: true };

/** How often (in projects) the work pauses: the async variant yields to the event loop and reports progress. */
const STEP = 2000;

/**
 * The body of an apply, as a generator that yields the number of projects handled every STEP projects. It must
 * run inside one IMMEDIATE transaction (the two wrappers below). `retain` lists ids that were in the file but
 * rejected: they are left as they are, never withdrawn because of a bad row.
 */
function* applySteps(
  conn: BetterSqlite3.Database,
  meta: SnapshotMeta,
  projects: Iterable<Project>,
  retain: ReadonlySet<string>,
  mode: ApplyMode = SNAPSHOT_MODE,
): Generator<number, ApplyCounts> {
  const upsert = conn.prepare(
    `INSERT INTO project (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const currentRow = conn.prepare(`SELECT ${ROW_AS_PROJECT}, changed FROM project WHERE id = ?`);
  // Copy on write: the state a project leaves goes into its history. A repair at the same version (a re-download)
  // replaces the row without keeping the damaged state.
  const archive = conn.prepare('INSERT INTO project_version (project_id, library_version, data, changed) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, library_version) DO NOTHING');
  const write = (next: Project, changed: readonly string[], prev?: { project: Project; changed: string }) => {
    if (prev && prev.project.libraryVersion !== next.libraryVersion) archive.run(prev.project.id, prev.project.libraryVersion, JSON.stringify(prev.project), prev.changed);
    upsert.run(projectValues(next, next.libraryVersion, changed.length === 0 ? '[]' : JSON.stringify(changed)));
  };
  const previous = (id: string) => {
    const r = currentRow.get(id) as (Omit<ProjectTable, 'changed'> & { changed: string }) | undefined;
    return r ? { project: rowToProject(r), changed: r.changed } : undefined;
  };
  const state = conn.prepare('SELECT version FROM library_state WHERE id = 1').get() as { version: number } | undefined;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, withdrawn: 0, version: meta.version };
  if (state && meta.version < state.version && !mode.replaceAnyVersion) {
    throw new AppError('SNAPSHOT_OLDER', { path: 'version', params: { found: meta.version, local: state.version } });
  }
  if (state && meta.version === state.version && !mode.replaceAnyVersion) {
    counts.unchanged = (conn.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n;
    return counts;
  }
  const seen = new Set<string>();
  // A first copy has nothing to compare with: skip the per-project look-up of the previous state.
  const fresh = !state && conn.prepare('SELECT 1 FROM project LIMIT 1').get() === undefined;
  // A first copy of a large library: the search index is built once at the end (one rebuild) instead of row by
  // row through the triggers, which costs FTS5 a flush per statement (migration 003 explains the switch).
  const bulk = fresh;
  // Its secondary indexes too are built once, after the rows are in (their definitions are read back from the
  // schema, so they stay exactly what the migrations made).
  const indexes = bulk
    ? (conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' AND sql IS NOT NULL").all() as { name: string; sql: string }[])
    : [];
  if (bulk) {
    conn.prepare('INSERT OR IGNORE INTO search_index_paused (id) VALUES (1)').run();
    for (const ix of indexes) conn.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  }
  let handled = 0;
  for (const p of projects) {
    if (seen.has(p.id)) throw new AppError('DUPLICATE_ID', { path: p.id, params: { value: p.id } });
    seen.add(p.id);
    if (++handled % STEP === 0) yield handled;
    const prev = fresh ? undefined : previous(p.id);
    const stamp = mode.keepProjectVersions ? p.libraryVersion : meta.version;
    const next: Project = { ...p, libraryVersion: stamp };
    if (!prev) {
      write(next, []);
      counts.inserted++;
      continue;
    }
    const changed = changedFields(prev.project, next);
    if (changed.length === 0) {
      counts.unchanged++;
      // From the hub, the same record may carry the hub's version of it: the copy takes that version too.
      if (mode.keepProjectVersions && prev.project.libraryVersion !== stamp) write(next, [], prev);
      continue;
    }
    write(next, changed, prev);
    counts.updated++;
  }
  const current = mode.whole ? (conn.prepare("SELECT id FROM project WHERE status <> 'withdrawn'").pluck().all() as string[]) : [];
  for (const id of current) {
    if (seen.has(id) || retain.has(id)) continue;
    const prev = previous(id)!;
    write(withdrawnAt(prev.project, meta.version), ['status'], prev);
    counts.withdrawn++;
  }
  if (bulk) {
    conn.prepare('DELETE FROM search_index_paused').run();
    // One rebuild, without FTS5's incremental merging while it writes (about a quarter faster); merging is back on
    // for the writes that follow.
    conn.prepare("INSERT INTO project_fts (project_fts, rank) VALUES ('automerge', 0)").run();
    conn.prepare("INSERT INTO project_fts (project_fts) VALUES ('rebuild')").run();
    conn.prepare("INSERT INTO project_fts (project_fts, rank) VALUES ('automerge', 4)").run();
    for (const ix of indexes) conn.exec(ix.sql);
  }
  conn
    .prepare(
      `INSERT INTO library_state (id, version, issuer, issued_at, synced_at, source) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, issuer = excluded.issuer,
         issued_at = excluded.issued_at, synced_at = excluded.synced_at, source = excluded.source`,
    )
    .run(meta.version, meta.issuer, meta.issuedAt, meta.syncedAt, meta.source);
  return counts;
}

/** Applies a snapshot in one IMMEDIATE transaction, synchronously. */
export function applySnapshot(
  conn: BetterSqlite3.Database,
  meta: SnapshotMeta,
  projects: Iterable<Project>,
  retain: ReadonlySet<string> = new Set(),
): ApplyCounts {
  return conn
    .transaction(() => {
      const steps = applySteps(conn, meta, projects, retain);
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    })
    .immediate();
}

/**
 * The same in one IMMEDIATE transaction that pauses every STEP projects, so the process keeps answering (progress
 * polls read through the read-only connection) while a large import runs. All or nothing, as the sync variant.
 */
export async function applySnapshotAsync(
  conn: BetterSqlite3.Database,
  meta: SnapshotMeta,
  projects: Iterable<Project>,
  opts: {
    retain?: ReadonlySet<string>;
    onProgress?: (handled: number) => void;
    mode?: ApplyMode;
    /** Runs first inside the transaction (a check that may throw, which rolls everything back). */
    before?: () => void;
    /** Runs last inside the transaction, before the commit (clean-up that must land with the data). */
    after?: (counts: ApplyCounts) => void;
  } = {},
): Promise<ApplyCounts> {
  return asBulkWrite(conn, () => applyInOpenTransaction(conn, meta, projects, opts));
}

async function applyInOpenTransaction(
  conn: BetterSqlite3.Database,
  meta: SnapshotMeta,
  projects: Iterable<Project>,
  opts: Parameters<typeof applySnapshotAsync>[3] & object,
): Promise<ApplyCounts> {
  conn.exec('BEGIN IMMEDIATE');
  try {
    opts.before?.();
    const steps = applySteps(conn, meta, projects, opts.retain ?? new Set(), opts.mode ?? SNAPSHOT_MODE);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        opts.after?.(r.value);
        conn.exec('COMMIT');
        return r.value;
      }
      opts.onProgress?.(r.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw err;
  }
}
