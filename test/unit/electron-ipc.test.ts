// The IPC transport wired to a stand-in ipcMain (a plain object — 'electron' is never imported here), with the real
// dispatch over a real SQLite file for the accepted call; and the built preload bundle, when there is one.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract/channel.js';
import type { Result } from '../../shared/errors.js';
import { openAppApi, type AppApi } from '../../src-main/api/app.js';
import type { Dispatch } from '../../src-main/api/dispatch.js';
import {
  appSenderCheck,
  isAppUrl,
  registerIpc,
  type IpcInvokeEventLike,
  type SenderFrameLike,
} from '../../src-main/electron/ipc.js';
import { useTempDir } from '../helpers/tmp.js';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain as far as the transport uses it; like the real one, a second handler on a channel throws. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(channel, ...args) from `frame` would get back. */
  async invoke(frame: SenderFrameLike | null, ...args: unknown[]): Promise<Result<unknown>> {
    const handler = this.handlers.get(IPC_CHANNEL);
    if (!handler) throw new Error(`No handler registered for '${IPC_CHANNEL}'`);
    return (await handler({ senderFrame: frame }, ...args)) as Result<unknown>;
  }
}

const RENDERER_DIR = resolve('/opt/greendesk/resources/app/out/renderer');
const APP_ROOT = pathToFileURL(RENDERER_DIR).href + '/';
const APP_FRAME: SenderFrameLike = { url: pathToFileURL(join(RENDERER_DIR, 'index.html')).href + '#/library', parent: null };

function setup(dispatch: Dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }))) {
  const ipcMain = new FakeIpcMain();
  const onRefused = vi.fn();
  const unregister = registerIpc(ipcMain, dispatch, appSenderCheck(APP_ROOT), { onRefused });
  return { ipcMain, dispatch, onRefused, unregister };
}

describe('registerIpc: the sender check', () => {
  it.each([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['another local file', { url: pathToFileURL(resolve('/tmp/evil.html')).href, parent: null }],
    ['a folder next to the renderer', { url: pathToFileURL(RENDERER_DIR + '-evil/index.html').href, parent: null }],
    ['an app-URL iframe (not top level)', { url: APP_FRAME.url, parent: { url: 'https://evil.example/' } }],
    ['a gone frame (senderFrame null)', null],
    ['about:blank', { url: 'about:blank', parent: null }],
  ])('refuses a call from %s without calling dispatch', async (_what, frame) => {
    const { ipcMain, dispatch, onRefused } = setup();
    const res = await ipcMain.invoke(frame, 'app.info', {});
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('FORBIDDEN_SENDER');
    expect(res.error.message).toMatch(/[\u4e00-\u9fff]/); // Chinese by default
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('FORBIDDEN_SENDER', frame?.url);
  });

  it('refuses when the sender check itself throws (a disposed frame)', async () => {
    const ipcMain = new FakeIpcMain();
    const dispatch = vi.fn<Dispatch>();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    registerIpc(ipcMain, dispatch, appSenderCheck(APP_ROOT));
    const res = await ipcMain.invoke(disposed, 'app.info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers in English when asked to', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpc(ipcMain, vi.fn<Dispatch>(), () => false, { lang: () => 'en' });
    const res = await ipcMain.invoke({ url: 'https://evil.example/' }, 'app.info', {});
    expect(res.ok === false && res.error.message).toMatch(/^Forbidden/);
  });

  it('dispatches a call from the app frame and returns its envelope', async () => {
    const { ipcMain, dispatch, onRefused } = setup();
    const res = await ipcMain.invoke(APP_FRAME, 'library.list', { page: 2 });
    expect(res).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('library.list', { page: 2 }, { lang: 'zh-CN' });
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('passes the call’s language and session id on, and ignores malformed ones', async () => {
    const { ipcMain, dispatch } = setup();
    await ipcMain.invoke(APP_FRAME, 'applications.list', {}, { lang: 'en', sessionId: 'abc' });
    expect(dispatch).toHaveBeenLastCalledWith('applications.list', {}, { lang: 'en', sessionId: 'abc' });
    await ipcMain.invoke(APP_FRAME, 'applications.list', {}, { lang: 42, sessionId: { evil: true } });
    expect(dispatch).toHaveBeenLastCalledWith('applications.list', {}, { lang: 'zh-CN' });
  });

  it('with the dev server, trusts its origin only', async () => {
    const ipcMain = new FakeIpcMain();
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 1 }));
    registerIpc(ipcMain, dispatch, appSenderCheck('http://localhost:5173/'));
    expect((await ipcMain.invoke({ url: 'http://localhost:5173/#/x', parent: null }, 'app.info', {})).ok).toBe(true);
    expect((await ipcMain.invoke({ url: 'http://localhost:5174/', parent: null }, 'app.info', {})).ok).toBe(false);
    expect((await ipcMain.invoke({ url: APP_FRAME.url, parent: null }, 'app.info', {})).ok).toBe(false);
    expect(dispatch).toHaveBeenCalledOnce();
  });
});

describe('registerIpc: the call', () => {
  it.each([[42], [null], [undefined], [{ toString: () => 'app.info' }], [['app.info']]])(
    'refuses a non-string method (%j) without calling dispatch',
    async (method) => {
      const { ipcMain, dispatch, onRefused } = setup();
      const res = await ipcMain.invoke(APP_FRAME, method, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: 'method' } });
      expect(dispatch).not.toHaveBeenCalled();
      expect(onRefused).toHaveBeenCalledWith('VALIDATION', APP_FRAME.url);
    },
  );

  it('turns a throwing dispatch into an INTERNAL envelope (nothing thrown crosses IPC)', async () => {
    const { ipcMain } = setup(vi.fn<Dispatch>(async () => Promise.reject(new Error('boom at /secret/path'))));
    const res = await ipcMain.invoke(APP_FRAME, 'app.info', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain('/secret/path');
  });

  it('registers on IPC_CHANNEL only, replaces an earlier handler, and unregisters', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
    expect(() => registerIpc(ipcMain, vi.fn<Dispatch>(), () => true)).not.toThrow();
    expect(ipcMain.handlers.size).toBe(1);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('registerIpc over the real dispatch and a real SQLite file', () => {
  const tempDir = useTempDir();
  let api: AppApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers app.info from the app frame, refuses it from a foreign one, and reports unknown methods', async () => {
    api = openAppApi(join(tempDir(), 'greendesk.db'), { log: () => {} });
    const spy = vi.fn<Dispatch>(api.dispatch);
    const { ipcMain } = setup(spy);

    const ok = await ipcMain.invoke(APP_FRAME, 'app.info', {});
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.value).toMatchObject({ schemaVersion: expect.any(Number) });

    const refused = await ipcMain.invoke({ url: 'https://evil.example/', parent: null }, 'app.info', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });

    const unknown = await ipcMain.invoke(APP_FRAME, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('isAppUrl', () => {
  it.each([
    [APP_ROOT + 'index.html', true],
    [APP_ROOT + 'index.html?x=1#/library', true],
    [APP_ROOT + 'assets/index-abc.js', true],
    [APP_ROOT.slice(0, -1), false], // the folder itself is not a page in it
    [APP_ROOT + '../main/index.js', false],
    [APP_ROOT + '%2e%2e/main/index.js', false],
    [APP_ROOT + '..%2Fmain%2Findex.js', false],
    ['file://otherhost' + new URL(APP_ROOT).pathname + 'index.html', false],
    ['https://evil.example/', false],
    ['', false],
    ['::::', false],
  ])('%s under the file root → %s', (url, expected) => {
    expect(isAppUrl(url, APP_ROOT)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/deep/page?q#h', true],
    ['http://localhost:5173.evil.example/', false],
    ['http://localhost:51730/', false],
    ['ws://localhost:5173/', false],
    ['https://localhost:5173/', false],
  ])('%s under the dev-server root → %s', (url, expected) => {
    expect(isAppUrl(url, 'http://localhost:5173/')).toBe(expected);
  });

  it('trusts nothing under an unusable root', () => {
    expect(isAppUrl('app://x/index.html', 'app://x/')).toBe(false);
    expect(isAppUrl('https://x/', 'not a url')).toBe(false);
  });
});

describe('the built preload bundle (out/preload/index.cjs)', () => {
  const bundle = resolve('out/preload/index.cjs');
  const built = existsSync(bundle);
  if (!built) console.log(`[skip] ${bundle} does not exist: run \`npm run build\` to check the preload bundle.`);

  it.skipIf(!built)("requires nothing but 'electron' and imports nothing", () => {
    const code = readFileSync(bundle, 'utf8');
    const required = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s|\bimport\s*\(/m);
    expect(code).toContain(JSON.stringify(IPC_CHANNEL).slice(1, -1));
  });

  it.skipIf(!built)('exposes window.greendesk = { invoke } over IPC_CHANNEL and nothing else', async () => {
    const code = readFileSync(bundle, 'utf8');
    const exposed: Array<[string, unknown]> = [];
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: 'pong' })) };
    const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) };
    const requireStandIn = (id: string) => {
      if (id !== 'electron') throw new Error(`the preload required ${id}`);
      return { contextBridge, ipcRenderer };
    };
    const module = { exports: {} };
    runInNewContext(code, { require: requireStandIn, module, exports: module.exports, console }, { filename: bundle });

    expect(exposed.map(([key]) => key)).toEqual(['greendesk']);
    const bridge = exposed[0]?.[1] as { invoke: (m: string, i: unknown, meta?: unknown) => Promise<unknown> };
    expect(Object.keys(bridge)).toEqual(['invoke']);
    await expect(bridge.invoke('app.info', { a: 1 }, { lang: 'en', sessionId: 's1' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, 'app.info', { a: 1 }, { lang: 'en', sessionId: 's1' });
  });
});
