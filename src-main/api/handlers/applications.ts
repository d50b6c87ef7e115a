import {
  createApplication, getApplication, listApplications, scoreApplication, transitionApplication, updateApplication,
} from '../../services/applications.js';
import { activateModelVersion, listModelVersions } from '../../services/models.js';
import { activeScoringModel, scoringModels } from '../../services/scoring.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

type ApplicationMethods =
  | 'models.scoring' | 'models.list' | 'models.activate' | 'applications.list' | 'applications.get' | 'applications.create' | 'applications.update'
  | 'applications.score' | 'applications.transition';

export function applicationHandlers({ db }: AppContext): Pick<Handlers, ApplicationMethods> {
  // Access rules in the contract guarantee a signed-in user for every method here.
  return {
    'models.scoring': async () => ({ active: activeScoringModel(db), ids: [...scoringModels(db).keys()] }),
    'models.list': async () => ({ items: listModelVersions(db) }),
    'models.activate': async ({ id }) => activateModelVersion(db, id),
    'applications.list': async (q, { user }) => listApplications(db, user!, q),
    'applications.get': async ({ id }, { user }) => getApplication(db, user!, id),
    'applications.create': async ({ input }, { user }) => ({ id: createApplication(db, user!, input) }),
    'applications.update': async ({ id, input }, { user }) => {
      updateApplication(db, user!, id, input);
      return { id };
    },
    'applications.score': async ({ id }, { user }) => scoreApplication(db, user!, id),
    'applications.transition': async ({ id, action, reason }, { user }) => ({ id, status: transitionApplication(db, user!, id, action, reason) }),
  };
}
