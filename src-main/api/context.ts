/** What the handlers work with: the database, the data folder (staged files live there) and the job registry. */
import type { AppDb } from '../db/open.js';
import type { JobRegistry } from '../services/jobs.js';
import type { SessionStore } from '../services/sessions.js';
import type { SyncScheduler } from '../services/sync/scheduler.js';
import type { SyncService } from '../services/sync/service.js';

export interface AppContext {
  db: AppDb;
  /** The folder holding the database; staged uploads go to <dataDir>/staging. */
  dataDir: string;
  jobs: JobRegistry;
  sessions: SessionStore;
  sync: SyncService;
  /** Automatic sync (the app's hosts start it; tests and the CLI do not). */
  scheduler: SyncScheduler | null;
  host: HostCapabilities;
}

/** What the process hosting the window can do beyond the services (Electron: printing the page to PDF). */
export interface HostCapabilities {
  printToPdf?: () => Promise<Uint8Array>;
}
