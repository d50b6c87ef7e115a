// Child process for crash tests: imports FILE into DB, printing each progress step on stdout.
import { openDatabase } from '../../src-main/db/open.js';
import { runLibraryImport } from '../../src-main/services/library-import/import.js';

const [dbFile, file] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile);
await runLibraryImport(db, file, { onProgress: (p) => process.stdout.write(`${p.phase} ${p.done}\n`) });
await db.close();
process.stdout.write('finished\n');
