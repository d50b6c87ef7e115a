import { basename } from 'node:path';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { getLibraryInfo } from '../../db/queries/library.js';
import { APP_VERSION } from '../../../src-node/version.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export function appHandlers({ db }: AppContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      appVersion: APP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      dbFile: basename(db.file),
      library: await getLibraryInfo(db.read),
    }),
  };
}
