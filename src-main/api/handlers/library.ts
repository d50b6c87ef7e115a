import { previewLibraryImport, runLibraryImport } from '../../services/library-import/import.js';
import { pageProjects, projectById, projectHistory } from '../../services/library.js';
import { Staging } from '../../services/staging.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

type LibraryMethods = 'library.list' | 'library.get' | 'library.history' | 'library.importPreview' | 'library.importStart' | 'library.export';

export function libraryHandlers({ db, dataDir, jobs }: AppContext): Pick<Handlers, LibraryMethods> {
  const staging = new Staging(dataDir);
  return {
    'library.list': async ({ page, pageSize, ...filter }) => pageProjects(db, filter, page, pageSize),
    'library.get': async ({ id }) => projectById(db, id),
    'library.history': async ({ id }) => ({ items: await projectHistory(db, id) }),
    'library.importPreview': async ({ stagedId }, { lang }) => {
      const file = staging.get(stagedId);
      return previewLibraryImport(db, file.path, file.name, lang);
    },
    'library.importStart': async ({ stagedId, skipInvalid }, { lang }) => {
      const file = staging.get(stagedId);
      const jobId = jobs.start('library.import', async (report) => {
        const result = await runLibraryImport(db, file.path, { fileName: file.name, skipInvalid, lang, onProgress: report });
        staging.remove(stagedId);
        return result;
      });
      return { jobId };
    },
    // Loaded on first use: the spreadsheet writer is heavy and most sessions never export.
    'library.export': async ({ format, ...filter }) => (await import('../../services/library-export.js')).exportLibrary(db, filter, format),
  };
}
