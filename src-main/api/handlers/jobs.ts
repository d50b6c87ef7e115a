import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

export function jobHandlers({ jobs }: AppContext): Pick<Handlers, 'jobs.get'> {
  return {
    'jobs.get': async ({ jobId }, { lang }) => jobs.get(jobId, lang),
  };
}
