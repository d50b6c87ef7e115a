/** The handler map for the contract: one function per method, each a thin call into a service. */
import { basename } from 'node:path';
import type { AppDb } from '../db/open.js';
import { SCHEMA_VERSION } from '../db/migrations/index.js';
import { getLibraryInfo, pageProjects, projectById } from '../services/library.js';
import { APP_VERSION } from '../services/app-version.js';
import type { Handlers } from './dispatch.js';

export function createHandlers(db: AppDb): Handlers {
  return {
    'app.info': async () => ({
      appVersion: APP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      dbFile: basename(db.file),
      library: await getLibraryInfo(db.read),
    }),
    'library.list': async (input) => {
      const { page, pageSize, ...filter } = input;
      return pageProjects(db, filter, page, pageSize);
    },
    'library.get': async (input) => projectById(db, input.id),
  };
}
