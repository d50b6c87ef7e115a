import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { openAppApi, type AppApi } from '../../src-main/api/app.js';
import { startBrowserServer, type BrowserServer } from '../../src-main/api/http.js';
import { applyLibrarySnapshot } from '../../src-main/services/library.js';
import { createUser } from '../../src-main/services/users.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();
let app: AppApi | undefined;
let server: BrowserServer | undefined;

afterEach(async () => {
  await server?.close();
  await app?.close();
  server = app = undefined;
});

async function start() {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>GreenDesk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  app = openAppApi(join(dir, 'h.db'));
  applyLibrarySnapshot(app.db, snapshot(1, [project(1)]), 'import');
  await createUser(app.db, { username: 'officer', displayName: '张伟', role: 'loan_officer', password: 'correct horse 1' });
  server = await startBrowserServer({ dispatch: app.dispatch, rendererDir: renderer });
  return server;
}

/** Signs in over HTTP and returns the session header to send. */
async function session(s: BrowserServer): Promise<Record<string, string>> {
  const r = await rpc(s, 'auth.login', { username: 'officer', password: 'correct horse 1' });
  return { 'x-greendesk-session': (JSON.parse(r.body) as { value: { sessionId: string } }).value.sessionId };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set to anything (fetch forbids that). */
function send(s: BrowserServer, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: s.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${s.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const rpc = (s: BrowserServer, method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(s, `/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-greendesk-token': s.token, ...headers },
    body: JSON.stringify(input),
  });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', async () => {
    const s = await start();
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an RPC with the token, and a signed-in one with the session header', async () => {
    const s = await start();
    expect(JSON.parse((await rpc(s, 'app.info', {})).body)).toMatchObject({ ok: true, value: { library: { version: 1 } } });
    expect(JSON.parse((await rpc(s, 'library.list', { page: 1 })).body)).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    const r = await rpc(s, 'library.list', { page: 1 }, await session(s));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses every RPC without the right token with 401, before anything else', async () => {
    const s = await start();
    const attempts: Record<string, string>[] = [{}, { 'x-greendesk-token': 'wrong' }, { 'x-greendesk-token': s.token + 'x' }];
    for (const headers of attempts) {
      const r = await send(s, '/rpc/library.list', { method: 'POST', headers, body: '{}' });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    // Even a bad Host, a GET, an unknown method or a broken body gets 401 first.
    const early = await send(s, '/rpc/no.such', { method: 'GET', headers: { host: 'evil.example:80' } });
    expect(early.status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403 (DNS rebinding, other web pages)', async () => {
    const s = await start();
    expect((await rpc(s, 'app.info', {}, { host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await rpc(s, 'app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc(s, 'app.info', {}, { origin: `http://localhost:${s.port}` })).status).toBe(200);
    expect((await send(s, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('gives envelopes for bad JSON, unknown methods, wrong verbs and oversized bodies', async () => {
    const s = await start();
    const headers = { 'x-greendesk-token': s.token };
    const badJson = await send(s, '/rpc/app.info', { method: 'POST', headers, body: '{nope' });
    expect([badJson.status, JSON.parse(badJson.body).error.code]).toEqual([400, 'BAD_JSON']);
    const unknown = await rpc(s, 'no.such', {});
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');
    const get = await send(s, '/rpc/app.info', { headers });
    expect(get.status).toBe(405);
    const big = await send(s, '/rpc/app.info', { method: 'POST', headers, body: Buffer.alloc(9 * 1024 * 1024, 32) });
    expect(big.status).toBe(413);
    const en = await rpc(s, 'library.get', { id: 'X' }, { 'x-greendesk-lang': 'en', ...(await session(s)) });
    expect(JSON.parse(en.body).error.message).toBe('Not found: X');
  });

  it('serves the renderer with a CSP, falls back to index.html, and never leaves its folder', async () => {
    const s = await start();
    const index = await send(s, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(index.body).toContain('GreenDesk');
    expect((await send(s, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await send(s, '/library/some/page')).body).toContain('GreenDesk');
    expect((await send(s, '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await send(s, path);
      expect(r.body).not.toContain('outside the renderer');
    }
  });
});
