/** Fills a database with the demo library through the same snapshot path a real import takes. */
import { AppError } from '../../shared/errors.js';
import type { AppDb } from '../db/open.js';
import type { ApplyCounts } from '../db/mutations/library.js';
import { getLibraryInfo } from '../db/queries/library.js';
import { generateDemoSnapshot } from './demo/generate.js';
import { importSnapshotDocument } from './library-import/import.js';

export const DEFAULT_DEMO_PROJECTS = 2000;

export async function seedDemo(db: AppDb, opts: { projects?: number; seed?: number } = {}): Promise<ApplyCounts> {
  const existing = await getLibraryInfo(db.read);
  if (existing) throw new AppError('LIBRARY_NOT_EMPTY', { params: { version: existing.version } });
  const snapshot = generateDemoSnapshot({ projects: opts.projects ?? DEFAULT_DEMO_PROJECTS, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  // The same path a real file takes: every row validated, then one transaction.
  return importSnapshotDocument(db, snapshot, { source: 'demo' });
}
