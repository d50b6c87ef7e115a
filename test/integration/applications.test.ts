// Applications through the one dispatch (in-process transport, real SQLite): sign-in, drafts, immutable scores,
// the lifecycle with maker-checker, and the audit trail.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openAppApi, type AppApi } from '../../src-main/api/app.js';
import { createUser } from '../../src-main/services/users.js';
import { runLibraryImport } from '../../src-main/services/library-import/import.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { writeJson } from '../helpers/library-files.js';
import { project, snapshot, uscc } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
const PASSWORD = 'correct horse 1';

async function setup() {
  const dir = tempDir();
  const app = openAppApi(join(dir, 'apps.db'));
  await runLibraryImport(app.db, writeJson(dir, 'lib.json', snapshot(7, [project(1), project(2, { status: 'withdrawn' })])));
  for (const [username, role] of [['officer', 'loan_officer'], ['officer2', 'loan_officer'], ['approver', 'approver'], ['compliance', 'compliance'], ['boss', 'admin']] as const) {
    await createUser(app.db, { username, displayName: username, role, password: PASSWORD });
  }
  return app;
}

async function login(app: AppApi, username: string): Promise<string> {
  const r = await app.dispatch('auth.login', { username, password: PASSWORD });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { sessionId: string }).sessionId;
}

/** Calls as a signed-in session; returns the value or throws the envelope. */
function as(app: AppApi, sessionId: string) {
  return async (method: string, input: unknown) => {
    const r = await app.dispatch(method, input, { sessionId });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as Record<string, unknown> & { id: string };
  };
}

const input = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  asOf: '2026-11-22',
  applicant: { name: '江门市测试环保科技有限公司1', uscc: uscc(1), district: '新会区', industryCode: 'C4220' },
  loan: { amountYuan: 50_000_000, termMonths: 36, riskSpreadBps: 45, greenCategory: 'resource_recycling', projectId: 'JM-GP-2024-00001' },
  carbon: { intensity: 0.5, industryAverage: 1, previousIntensity: 0.6, dataQuality: 2 },
  waste: { generatedT: 100, utilizedT: 90 },
  envCredit: { rating: 'green' },
  ...over,
});

describe('signing in', () => {
  it('refuses calls without a session, wrong passwords (same message for unknown users), and locks after five failures', async () => {
    const app = await setup();
    expect(await app.dispatch('applications.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    const wrong = await app.dispatch('auth.login', { username: 'officer', password: 'nope' });
    const unknown = await app.dispatch('auth.login', { username: 'ghost', password: 'nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    for (let i = 0; i < 4; i++) await app.dispatch('auth.login', { username: 'officer', password: 'nope' });
    expect(await app.dispatch('auth.login', { username: 'officer', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    await app.close();
  });

  it('the first administrator can be set up once, on an empty database only', async () => {
    const app = openAppApi(join(tempDir(), 'empty.db'));
    expect(await app.dispatch('auth.status', {})).toEqual({ ok: true, value: { needsSetup: true, user: null } });
    const short = await app.dispatch('auth.setup', { username: 'admin', displayName: '管理员', password: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'PASSWORD_TOO_SHORT', path: 'password' } });
    const ok = await app.dispatch('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD });
    expect(ok).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
    const sid = (ok as { value: { sessionId: string } }).value.sessionId;
    expect(await app.dispatch('auth.status', {}, { sessionId: sid })).toMatchObject({ ok: true, value: { needsSetup: false, user: { username: 'admin' } } });
    expect(await app.dispatch('auth.setup', { username: 'evil', displayName: '', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    await app.dispatch('auth.logout', {}, { sessionId: sid });
    expect(await app.dispatch('users.list', {}, { sessionId: sid })).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    await app.close();
  });

  it('stores passwords as salted scrypt, never in clear', async () => {
    const app = await setup();
    const hashes = app.db.rawRead.prepare("SELECT password_hash FROM user WHERE role <> 'system'").pluck().all() as string[];
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(h).not.toContain(PASSWORD);
    }
    await app.close();
  });

  it('users.* is for administrators only', async () => {
    const app = await setup();
    expect(await app.dispatch('users.list', {}, { sessionId: await login(app, 'officer') })).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    const admin = as(app, await login(app, 'boss'));
    await admin('users.create', { username: 'newbie', displayName: '新人', role: 'compliance', password: PASSWORD });
    expect(((await admin('users.list', {})).items as { username: string }[]).map((u) => u.username)).toContain('newbie');
    await app.close();
  });
});

describe('the application lifecycle', () => {
  it('draft → scored → submitted → approved by another user → disbursed → closed, each step audited', async () => {
    const app = await setup();
    const officer = as(app, await login(app, 'officer'));
    const approver = as(app, await login(app, 'approver'));
    const { id } = await officer('applications.create', { input: input() });
    expect(id).toMatch(/^GA-\d{8}-[0-9A-Z]{6}$/);
    await expect(officer('applications.transition', { id, action: 'submit' })).rejects.toMatchObject({ code: 'NOT_SCORED' });
    const s1 = await officer('applications.score', { id });
    expect(s1).toMatchObject({ modelId: 'jm-green-2026.1', projectId: 'JM-GP-2024-00001', projectVersion: 7, result: { band: 'A', eligible: true } });
    expect(s1.inputHash).toMatch(/^[0-9a-f]{64}$/);
    await officer('applications.update', { id, input: input({ envCredit: { rating: 'blue' } }) });
    const s2 = await officer('applications.score', { id });
    expect(s2.id).not.toBe(s1.id);
    expect(s2.inputHash).not.toBe(s1.inputHash);
    await officer('applications.transition', { id, action: 'submit' });
    await expect(officer('applications.update', { id, input: input() })).rejects.toMatchObject({ code: 'NOT_EDITABLE' });
    await expect(officer('applications.transition', { id, action: 'approve' })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const queue = await approver('applications.list', { queue: 'approvals' });
    expect((queue.items as { id: string }[]).map((i) => i.id)).toEqual([id]);
    await approver('applications.transition', { id, action: 'approve', reason: '符合条件' });
    await officer('applications.transition', { id, action: 'disburse' });
    await officer('applications.transition', { id, action: 'close' });
    const got = await officer('applications.get', { id });
    expect(got.status).toBe('closed');
    expect((got.scores as unknown[]).length).toBe(2);
    const trail = (got.transitions as { action: string; toStatus: string; actor: { displayName: string }; at: string }[]).map((t) => [t.action, t.toStatus, t.actor.displayName]);
    expect(trail).toEqual([
      ['create', 'draft', 'officer'], ['submit', 'submitted', 'officer'], ['approve', 'approved', 'approver'],
      ['disburse', 'disbursed', 'officer'], ['close', 'closed', 'officer'],
    ]);
    await app.close();
  });

  it('maker-checker: an admin who made an application cannot approve it; a rejection needs a reason', async () => {
    const app = await setup();
    const boss = as(app, await login(app, 'boss'));
    const { id } = await boss('applications.create', { input: input() });
    await boss('applications.score', { id });
    await boss('applications.transition', { id, action: 'submit' });
    await expect(boss('applications.transition', { id, action: 'approve' })).rejects.toMatchObject({ code: 'MAKER_CHECKER' });
    const approver = as(app, await login(app, 'approver'));
    await expect(approver('applications.transition', { id, action: 'reject', reason: '  ' })).rejects.toMatchObject({ code: 'REASON_REQUIRED', path: 'reason' });
    await approver('applications.transition', { id, action: 'reject', reason: '资料不全' });
    await expect(approver('applications.transition', { id, action: 'approve' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await app.close();
  });

  it('an application whose latest score is not eligible cannot be approved', async () => {
    const app = await setup();
    const officer = as(app, await login(app, 'officer'));
    const { id } = await officer('applications.create', { input: input({ envCredit: { rating: 'red' } }) });
    const s = await officer('applications.score', { id });
    expect(s.result).toMatchObject({ eligible: false, blocks: ['ENV_CREDIT_RED'], pricing: null });
    await officer('applications.transition', { id, action: 'submit' });
    await expect(as(app, await login(app, 'approver'))('applications.transition', { id, action: 'approve' })).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    await app.close();
  });

  it('only the maker (or an admin) edits a draft; a withdrawn or unknown project does not count as listed', async () => {
    const app = await setup();
    const officer = as(app, await login(app, 'officer'));
    const other = as(app, await login(app, 'officer2'));
    const { id } = await officer('applications.create', { input: input({ loan: { ...input().loan, projectId: 'JM-GP-2024-00002' } }) });
    await expect(other('applications.update', { id, input: input() })).rejects.toMatchObject({ code: 'NOT_OWNER' });
    const s = await officer('applications.score', { id });
    const d = (s.result as { factors: { code: string; points: number; detail: string }[] }).factors.find((f) => f.code === 'D')!;
    expect(d.points).toBe(10);
    expect(d.detail).toContain('已出库');
    await app.close();
  });

  it('bad input names the field; scores and the audit trail cannot be changed', async () => {
    const app = await setup();
    const officer = as(app, await login(app, 'officer'));
    await expect(officer('applications.create', { input: input({ applicant: { ...input().applicant, uscc: uscc(1).slice(0, 17) + 'Y' } }) }))
      .rejects.toMatchObject({ code: 'USCC_CHECK_DIGIT', path: 'input.applicant.uscc' });
    await expect(officer('applications.create', { input: { ...input(), carbon: { intensity: 1 } } })).rejects.toMatchObject({ path: 'input.carbon.dataQuality' });
    const { id } = await officer('applications.create', { input: input() });
    await officer('applications.score', { id });
    expect(() => app.db.rawWrite.prepare('UPDATE score SET score = 100').run()).toThrow(/immutable/);
    expect(() => app.db.rawWrite.prepare('DELETE FROM score').run()).toThrow(/immutable/);
    expect(() => app.db.rawWrite.prepare('DELETE FROM application_transition').run()).toThrow(/append-only/);
    await app.close();
  });
});
