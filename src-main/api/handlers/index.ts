/** The handler map for the whole contract, composed from one module per capability. */
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { appHandlers } from './app.js';
import { applicationHandlers } from './applications.js';
import { authHandlers } from './auth.js';
import { checkHandlers } from './checks.js';
import { fileHandlers } from './files.js';
import { jobHandlers } from './jobs.js';
import { libraryHandlers } from './library.js';
import { syncHandlers } from './sync.js';

export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...libraryHandlers(ctx),
    ...fileHandlers(ctx),
    ...jobHandlers(ctx),
    ...authHandlers(ctx),
    ...applicationHandlers(ctx),
    ...checkHandlers(ctx),
    ...syncHandlers(ctx),
  };
}
