import { describe, expect, it } from 'vitest';
import { IDLE_MS, MAX_AGE_MS, SessionStore } from '../../src-main/services/sessions.js';
import { hashPassword, verifyPassword } from '../../src-main/services/passwords.js';
import { availableActions, transitionProblem } from '../../shared/applications/lifecycle.js';

const user = { id: 7, username: 'u', displayName: 'U', role: 'loan_officer' as const };

describe('sessions', () => {
  it('end after idle time and after their maximum age, and on sign-out', () => {
    let now = 0;
    const store = new SessionStore(() => now);
    const a = store.create(user);
    now += IDLE_MS - 1;
    expect(store.resolve(a)).toEqual(user);
    now += IDLE_MS + 1;
    expect(store.resolve(a)).toBeNull();
    const b = store.create(user);
    for (let t = 0; t < MAX_AGE_MS; t += IDLE_MS / 2) {
      now += IDLE_MS / 2;
      store.resolve(b);
    }
    now += 1;
    expect(store.resolve(b)).toBeNull();
    const c = store.create(user);
    store.end(c);
    expect(store.resolve(c)).toBeNull();
    expect(store.resolve(undefined)).toBeNull();
  });

  it('lock a user name for five minutes after five failures in a row', () => {
    let now = 0;
    const store = new SessionStore(() => now);
    for (let i = 0; i < 4; i++) store.recordFailure('Officer');
    expect(store.isLocked('officer')).toBe(false);
    store.recordFailure('officer');
    expect(store.isLocked('OFFICER')).toBe(true);
    now += 5 * 60 * 1000 + 1;
    expect(store.isLocked('officer')).toBe(false);
  });
});

describe('passwords', () => {
  it('verify only the right password, with a fresh salt each time', async () => {
    const a = await hashPassword('密码很长的一句话');
    const b = await hashPassword('密码很长的一句话');
    expect(a).not.toBe(b);
    expect(await verifyPassword('密码很长的一句话', a)).toBe(true);
    expect(await verifyPassword('密码很长的一句', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('the transition map', () => {
  const base = { status: 'submitted' as const, actor: { id: 2, role: 'approver' as const }, makers: [1], reason: '', latestScore: { eligible: true } };
  it.each([
    ['approve', {}, null],
    ['approve', { makers: [2] }, 'MAKER_CHECKER'],
    ['approve', { actor: { id: 2, role: 'loan_officer' as const } }, 'ROLE_NOT_ALLOWED'],
    ['approve', { latestScore: { eligible: false } }, 'NOT_ELIGIBLE'],
    ['reject', {}, 'REASON_REQUIRED'],
    ['reject', { reason: '不符合' }, null],
    ['submit', {}, 'ILLEGAL_TRANSITION'],
    ['disburse', {}, 'ILLEGAL_TRANSITION'],
    ['close', { status: 'disbursed' as const, actor: { id: 3, role: 'compliance' as const } }, null],
  ] as const)('%s with %o → %s', (action, over, problem) => {
    expect(transitionProblem({ ...base, ...over, action })).toBe(problem);
  });
  it('offers each role only its own next steps', () => {
    expect(availableActions('draft', 'loan_officer')).toEqual(['submit']);
    expect(availableActions('submitted', 'approver')).toEqual(['approve', 'reject']);
    expect(availableActions('submitted', 'loan_officer')).toEqual([]);
    expect(availableActions('closed', 'admin')).toEqual([]);
  });
});
