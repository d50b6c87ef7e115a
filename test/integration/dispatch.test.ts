import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openAppApi } from '../../src-main/api/app.js';
import { SCHEMA_VERSION } from '../../src-main/db/migrations/index.js';
import { applyLibrarySnapshot } from '../../src-main/services/library.js';
import { createUser } from '../../src-main/services/users.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

async function setup() {
  const logs: string[] = [];
  const app = openAppApi(join(tempDir(), 'd.db'), { log: (m) => logs.push(m) });
  applyLibrarySnapshot(app.db, snapshot(3, [project(1), project(2, { district: '台山市' })]), 'import');
  await createUser(app.db, { username: 'officer', displayName: '张伟', role: 'loan_officer', password: 'correct horse 1' });
  const login = await app.dispatch('auth.login', { username: 'officer', password: 'correct horse 1' });
  const sessionId = (login as { value: { sessionId: string } }).value.sessionId;
  const call = (method: string, input: unknown, lang?: 'en') => app.dispatch(method, input, { sessionId, ...(lang ? { lang } : {}) });
  return { app, logs, call };
}

describe('dispatch (in-process transport)', () => {
  it('answers app.info and library.list through the contract', async () => {
    const { app, call } = await setup();
    const info = await app.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { schemaVersion: SCHEMA_VERSION, dbFile: 'd.db', library: { version: 3, projectCount: 2 } } });
    expect(await app.dispatch('library.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    const list = await call('library.list', { district: '台山市' });
    expect(list).toMatchObject({ ok: true, value: { total: 1, page: 1, pageSize: 50 } });
    await app.close();
  });

  it('returns error envelopes, never throws: unknown method, bad input with the field, not found', async () => {
    const { app, call } = await setup();
    expect(await call('library.drop', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: '未知的接口方法：library.drop' },
    });
    const bad = await call('library.list', { pageSize: 10_000 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: 'pageSize' } });
    const extra = await call('library.list', { sql: 'DROP TABLE project' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await call('library.get', { id: 'JM-NONE' }, 'en');
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found: JM-NONE', path: 'id' } });
    await app.close();
  });

  it('turns an unexpected failure into INTERNAL without leaking details, and logs it', async () => {
    const { app, logs, call } = await setup();
    await app.db.close();
    const res = await call('library.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toMatch(/sqlite|stack/i);
    expect(logs.join('\n')).toMatch(/library\.list/);
  });
});

describe('the host’s PDF (Electron printToPDF)', () => {
  it('is offered only where the host can, and answers with the host’s bytes under the asked name', async () => {
    const plain = openAppApi(join(tempDir(), 'p.db'));
    await createUser(plain.db, { username: 'officer', displayName: '张伟', role: 'loan_officer', password: 'correct horse 1' });
    const sid = ((await plain.dispatch('auth.login', { username: 'officer', password: 'correct horse 1' })) as { value: { sessionId: string } }).value.sessionId;
    expect(await plain.dispatch('app.info', {})).toMatchObject({ ok: true, value: { host: { pdf: false } } });
    expect(await plain.dispatch('app.printPdf', { fileName: '评分单.pdf' }, { sessionId: sid })).toMatchObject({ ok: false, error: { code: 'PDF_UNAVAILABLE' } });
    await plain.close();

    const pdf = new TextEncoder().encode('%PDF-1.7\n…');
    const electron = openAppApi(join(tempDir(), 'e.db'), { host: { printToPdf: async () => pdf } });
    await createUser(electron.db, { username: 'officer', displayName: '张伟', role: 'loan_officer', password: 'correct horse 1' });
    const s2 = ((await electron.dispatch('auth.login', { username: 'officer', password: 'correct horse 1' })) as { value: { sessionId: string } }).value.sessionId;
    expect(await electron.dispatch('app.info', {})).toMatchObject({ ok: true, value: { host: { pdf: true } } });
    expect(await electron.dispatch('app.printPdf', { fileName: '评分单-GA-20261122-ABCDEF.pdf' })).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    expect(await electron.dispatch('app.printPdf', { fileName: '../x.pdf' }, { sessionId: s2 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: 'fileName' } });
    const r = await electron.dispatch('app.printPdf', { fileName: '评分单-GA-20261122-ABCDEF.pdf' }, { sessionId: s2 });
    expect(r).toMatchObject({ ok: true, value: { fileName: '评分单-GA-20261122-ABCDEF.pdf' } });
    expect(Buffer.from((r as { value: { contentBase64: string } }).value.contentBase64, 'base64').toString()).toBe('%PDF-1.7\n…');
    await electron.close();
  });
});
