import { basename } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { getLibraryInfo } from '../../db/queries/library.js';
import { APP_VERSION } from '../../../src-node/version.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export function appHandlers({ db, host }: AppContext): Pick<Handlers, 'app.info' | 'app.printPdf'> {
  return {
    'app.info': async () => ({
      appVersion: APP_VERSION,
      schemaVersion: SCHEMA_VERSION,
      dbFile: basename(db.file),
      library: await getLibraryInfo(db.read),
      host: { pdf: host.printToPdf !== undefined },
    }),
    'app.printPdf': async ({ fileName }) => {
      if (!host.printToPdf) throw new AppError('PDF_UNAVAILABLE');
      return { fileName, contentBase64: Buffer.from(await host.printToPdf()).toString('base64') };
    },
  };
}
