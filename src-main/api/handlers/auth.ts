import { AppError } from '../../../shared/errors.js';
import { authenticate, createUser, listUsers, userCount } from '../../services/users.js';
import type { AppContext } from '../context.js';
import type { Handlers } from '../dispatch.js';

type AuthMethods = 'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.unlock' | 'users.list' | 'users.create';

export function authHandlers({ db, sessions }: AppContext): Pick<Handlers, AuthMethods> {
  return {
    'auth.status': async (_input, { user }) => ({ needsSetup: userCount(db) === 0, user }),
    'auth.setup': async ({ username, displayName, password }) => {
      if (userCount(db) > 0) throw new AppError('SETUP_DONE');
      const user = await createUser(db, { username, displayName, role: 'admin', password });
      return { sessionId: sessions.create(user), user };
    },
    'auth.login': async ({ username, password }) => {
      const user = await authenticate(db, sessions, username, password);
      return { sessionId: sessions.create(user), user };
    },
    'auth.logout': async (_input, { sessionId }) => {
      sessions.end(sessionId);
      return {};
    },
    'auth.unlock': async ({ password }, { user }) => {
      await authenticate(db, sessions, user!.username, password);
      return { ok: true as const };
    },
    'users.list': async () => ({ items: listUsers(db) }),
    'users.create': async (input) => createUser(db, input),
  };
}
