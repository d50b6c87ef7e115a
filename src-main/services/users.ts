/** Local accounts: creation (salted scrypt), sign-in with lockout, listing. The 'system' user (id 0) signs CLI work. */
import { ROLES, type Role } from '../../shared/applications/lifecycle.js';
import { AppError } from '../../shared/errors.js';
import type { AppDb } from '../db/open.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import type { SessionStore, SessionUser } from './sessions.js';

export const SYSTEM_USER: SessionUser = { id: 0, username: 'system', displayName: '系统', role: 'system' };

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

const USERNAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{1,31}$/;

export async function createUser(db: AppDb, u: NewUser, now = new Date()): Promise<SessionUser> {
  if (!USERNAME_RE.test(u.username)) throw new AppError('BAD_USERNAME', { path: 'username', params: { value: u.username.slice(0, 40) } });
  if (!ROLES.includes(u.role)) throw new AppError('VALIDATION', { path: 'role', params: { detail: 'role' } });
  const problem = passwordProblem(u.password);
  if (problem) throw new AppError(problem, { path: 'password' });
  const exists = db.rawRead.prepare('SELECT 1 FROM user WHERE username = ? COLLATE NOCASE').get(u.username);
  if (exists) throw new AppError('USERNAME_TAKEN', { path: 'username', params: { value: u.username } });
  const hash = await hashPassword(u.password);
  const id = Number(
    db.rawWrite
      .prepare('INSERT INTO user (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(u.username, u.displayName.trim() || u.username, u.role, hash, now.toISOString()).lastInsertRowid,
  );
  return { id, username: u.username, displayName: u.displayName.trim() || u.username, role: u.role };
}

export function userCount(db: AppDb): number {
  return db.rawRead.prepare("SELECT count(*) FROM user WHERE role <> 'system'").pluck().get() as number;
}

export function listUsers(db: AppDb): (SessionUser & { disabled: boolean; createdAt: string })[] {
  const rows = db.rawRead
    .prepare("SELECT id, username, display_name, role, disabled, created_at FROM user WHERE role <> 'system' ORDER BY id")
    .all() as { id: number; username: string; display_name: string; role: Role; disabled: number; created_at: string }[];
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled === 1, createdAt: r.created_at }));
}

/** Checks a user name and password; the same error for an unknown user and a wrong password. */
export async function authenticate(db: AppDb, sessions: SessionStore, username: string, password: string): Promise<SessionUser> {
  if (sessions.isLocked(username)) throw new AppError('ACCOUNT_LOCKED', { path: 'username' });
  const row = db.rawRead
    .prepare("SELECT id, username, display_name, role, password_hash, disabled FROM user WHERE username = ? COLLATE NOCASE AND role <> 'system'")
    .get(username) as { id: number; username: string; display_name: string; role: Role; password_hash: string; disabled: number } | undefined;
  const ok = row ? await verifyPassword(password, row.password_hash) : await verifyPassword(password, DUMMY_HASH);
  if (!row || !ok || row.disabled === 1) {
    sessions.recordFailure(username);
    throw new AppError(row?.disabled === 1 && ok ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS', { path: 'password' });
  }
  sessions.clearFailures(username);
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

// Verifying against a fixed hash for unknown users keeps the answer time the same.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');
