/**
 * Signed-in sessions, kept in memory by the process that serves the window (Electron main or browser mode):
 * a random id, the user, and the last activity. A session ends on sign-out, after 30 minutes without activity,
 * or after 12 hours in all. Failed sign-ins are counted per user name: five in a row lock it for five minutes.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/applications/lifecycle.js';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role | 'system';
}

interface Session {
  user: SessionUser;
  createdAt: number;
  lastSeen: number;
}

export const IDLE_MS = 30 * 60 * 1000;
export const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const LOCK_AFTER = 5;
const LOCK_MS = 5 * 60 * 1000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; until: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  create(user: SessionUser): string {
    const id = randomBytes(24).toString('base64url');
    const t = this.now();
    this.sessions.set(id, { user, createdAt: t, lastSeen: t });
    return id;
  }

  /** The session's user, touching its activity; null when unknown or expired. */
  resolve(id: string | undefined): SessionUser | null {
    if (!id) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    const t = this.now();
    if (t - s.lastSeen > IDLE_MS || t - s.createdAt > MAX_AGE_MS) {
      this.sessions.delete(id);
      return null;
    }
    s.lastSeen = t;
    return s.user;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Ends every session of a user (disabled, or password changed). */
  endUser(userId: number): void {
    for (const [id, s] of this.sessions) if (s.user.id === userId) this.sessions.delete(id);
  }

  isLocked(username: string): boolean {
    const f = this.failures.get(username.toLowerCase());
    return f !== undefined && f.count >= LOCK_AFTER && this.now() < f.until;
  }

  recordFailure(username: string): void {
    const key = username.toLowerCase();
    const f = this.failures.get(key);
    const count = f && this.now() < f.until ? f.count + 1 : 1;
    this.failures.set(key, { count, until: this.now() + LOCK_MS });
  }

  clearFailures(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
