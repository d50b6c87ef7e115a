// The Electron shell wired to a hand-written stand-in for the electron module (plain EventEmitters — the only
// stand-in allowed). The real 'electron' package is never loaded (it would try to download its binary):
// window.ts gets the stand-in as an argument, and main.ts gets it through vi.mock('electron', factory), which
// replaces the module without evaluating it. Everything else main.ts wires up is real: first run on a temporary
// data folder, a real SQLite file, the real dispatch.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract/channel.js';
import type { Result } from '../../shared/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/csp.js';
import {
  appRootFor,
  createMainWindow,
  MAIN_WINDOW_TITLE,
  type BrowserWindowOptionsLike,
  type MainWindowOptions,
} from '../../src-main/electron/window.js';

type PermissionRequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;

class FakeSession {
  requestHandler: PermissionRequestHandler | null | undefined;
  checkHandler: PermissionCheckHandler | null | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }
}

class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  shown = false;
  readonly loads: Array<{ url: string } | { file: string }> = [];
  loadResult: Promise<void> = Promise.resolve();
  constructor(readonly options: BrowserWindowOptionsLike) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  loadURL(url: string): Promise<void> {
    this.loads.push({ url });
    return this.loadResult;
  }
  loadFile(file: string): Promise<void> {
    this.loads.push({ file });
    return this.loadResult;
  }
}

const fakeElectron = { BrowserWindow: FakeBrowserWindow };

const RENDERER_DIR = resolve('/opt/greendesk/resources/app/out/renderer');
const RENDERER_FILE = join(RENDERER_DIR, 'index.html');
const PRELOAD = resolve('/opt/greendesk/resources/app/out/preload/index.cjs');

function open(opts: Partial<MainWindowOptions> = {}): FakeBrowserWindow {
  const target = opts.rendererUrl !== undefined ? {} : { rendererFile: RENDERER_FILE };
  return createMainWindow(fakeElectron, { preloadPath: PRELOAD, ...target, ...opts });
}

/** An Electron-style event: preventDefault() and, for navigation, the target URL on the event (Electron ≥ 25). */
function event(url?: string) {
  const e = {
    url,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

function navigate(win: FakeBrowserWindow, url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
  const e = event(url);
  win.webContents.emit(kind, e, url);
  return !e.defaultPrevented;
}

const ownPage = pathToFileURL(RENDERER_FILE).href;

describe('createMainWindow: the window', () => {
  it('has the hardened webPreferences and the preload', () => {
    const win = open();
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: PRELOAD,
    });
  });

  it('has the title and size, and shows only when ready to show', () => {
    const win = open();
    expect(win.options).toMatchObject({
      title: MAIN_WINDOW_TITLE,
      width: 1366,
      height: 860,
      minWidth: 1100,
      minHeight: 700,
      show: false,
    });
    expect(MAIN_WINDOW_TITLE).toBe('GreenDesk 绿色金融工作台');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it("keeps the app's title when the page sets its own", () => {
    const win = open();
    const e = event();
    win.emit('page-title-updated', e, 'something else');
    expect(e.defaultPrevented).toBe(true);
  });

  it('loads the built renderer file, or the dev server URL', () => {
    expect(open().loads).toEqual([{ file: RENDERER_FILE }]);
    expect(open({ rendererUrl: 'http://localhost:5173/' }).loads).toEqual([{ url: 'http://localhost:5173/' }]);
  });

  it('wants exactly one of rendererUrl and rendererFile, and an http(s) dev URL', () => {
    expect(() => createMainWindow(fakeElectron, { preloadPath: PRELOAD })).toThrow(/rendererUrl or rendererFile/);
    expect(() =>
      createMainWindow(fakeElectron, { preloadPath: PRELOAD, rendererFile: RENDERER_FILE, rendererUrl: 'http://localhost:5173' }),
    ).toThrow(/not both/);
    expect(() => open({ rendererUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const onLoadFailed = vi.fn();
    const failing = class extends FakeBrowserWindow {
      override loadFile(file: string): Promise<void> {
        this.loads.push({ file });
        return Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
      }
    };
    createMainWindow({ BrowserWindow: failing }, { preloadPath: PRELOAD, rendererFile: RENDERER_FILE, onLoadFailed });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledOnce());
    expect(String(onLoadFailed.mock.calls[0]?.[0])).toMatch(/ERR_FILE_NOT_FOUND/);
  });
});

describe('createMainWindow: the guards', () => {
  it('denies every new window, whatever the URL', () => {
    const win = open();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeTypeOf('function');
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: ownPage })).toEqual({ action: 'deny' });
  });

  it("allows navigation within the app's own folder", () => {
    const win = open();
    expect(navigate(win, ownPage)).toBe(true);
    expect(navigate(win, `${ownPage}#/library?page=2`)).toBe(true);
    expect(navigate(win, pathToFileURL(join(RENDERER_DIR, 'assets', 'x.html')).href)).toBe(true);
  });

  it.each([
    ['a web site', 'https://evil.example/'],
    ['plain http', 'http://example.com/index.html'],
    ['another local file', pathToFileURL(resolve('/etc/passwd')).href],
    ['a folder next to the renderer', pathToFileURL(resolve(RENDERER_DIR + '-evil', 'index.html')).href],
    ['out of the folder with ..', ownPage.replace('/index.html', '/../main/index.js')],
    ['out of the folder with encoded ..', ownPage.replace('/index.html', '/%2e%2e/main/index.js')],
    ['an encoded separator', ownPage.replace('/index.html', '/..%2Fmain%2Findex.js')],
    ['a file on another host', 'file://fileserver/share/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['not a URL', 'not a url'],
  ])('prevents navigation to %s', (_what, url) => {
    const win = open();
    expect(navigate(win, url)).toBe(false);
    expect(navigate(win, url, 'will-redirect')).toBe(false);
  });

  it('reads the target from the older (event, url) form too', () => {
    const win = open();
    const foreign = { defaultPrevented: false, preventDefault: () => (foreign.defaultPrevented = true) };
    win.webContents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.defaultPrevented).toBe(true);
    const own = { defaultPrevented: false, preventDefault: () => (own.defaultPrevented = true) };
    win.webContents.emit('will-navigate', own, ownPage);
    expect(own.defaultPrevented).toBe(false);
  });

  it("with the dev server, allows its origin only", () => {
    const win = open({ rendererUrl: 'http://localhost:5173/' });
    expect(navigate(win, 'http://localhost:5173/')).toBe(true);
    expect(navigate(win, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(navigate(win, 'http://localhost:5174/')).toBe(false);
    expect(navigate(win, 'http://127.0.0.1:5173/')).toBe(false);
    expect(navigate(win, 'https://localhost:5173/')).toBe(false);
    expect(navigate(win, ownPage)).toBe(false);
  });

  it('prevents attaching a <webview>', () => {
    const win = open();
    const e = event();
    win.webContents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const win = open();
    const { requestHandler, checkHandler } = win.webContents.session;
    expect(requestHandler).toBeTypeOf('function');
    expect(checkHandler).toBeTypeOf('function');
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      requestHandler?.(win.webContents, permission, callback, { requestingUrl: ownPage });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(checkHandler?.(win.webContents, permission, 'file://', {})).toBe(false);
    }
  });
});

describe('appRootFor', () => {
  it("is the renderer folder's file URL with a trailing slash, or the dev server's origin", () => {
    expect(appRootFor({ rendererFile: RENDERER_FILE })).toBe(pathToFileURL(RENDERER_DIR).href + '/');
    expect(appRootFor({ rendererUrl: 'http://localhost:5173/some/page?x=1' })).toBe('http://localhost:5173/');
  });
});

describe('the Content-Security-Policy main.ts sends', () => {
  it.each([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ])('has %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split(/;\s*/)).toContain(directive);
  });

  it("allows images from the app and data: only, and never 'unsafe-eval' or a remote host", () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )img-src 'self' data:( blob:)?(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('src-main/electron stays thin', () => {
  const dir = resolve('src-main/electron');
  const runtimeElectronImport = /^\s*import\s+(?!type\b)[^;]*?from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/m;

  it("main.ts is the only module that imports 'electron' at runtime (the preload requires it in its own bundle)", () => {
    const offenders = readdirSync(dir)
      .filter((f) => /\.(c|m)?ts$/.test(f) && f !== 'main.ts' && f !== 'preload.cts')
      .filter((f) => runtimeElectronImport.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toMatch(runtimeElectronImport);
  });

  it('main.ts builds its window with the one factory and registers IPC with the sender check', () => {
    const main = readFileSync(join(dir, 'main.ts'), 'utf8');
    expect(main).not.toMatch(/new\s+BrowserWindow\s*\(/);
    expect(main).toMatch(/createMainWindow\(/);
    expect(main).toMatch(/registerIpc\(\s*ipcMain\s*,[^)]*appSenderCheck\(appRoot\)/);
    expect(main).toMatch(/CONTENT_SECURITY_POLICY/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
  });
});

// --- main.ts, with the electron module stood in ----------------------------------------------------------------

interface StandInWindow extends EventEmitter {
  options: BrowserWindowOptionsLike;
  webContents: EventEmitter & { session: FakeSession; windowOpenHandler?: (d: { url: string }) => { action: string } };
  loads: Array<{ url: string } | { file: string }>;
}
interface StandIn {
  app: EventEmitter & { calls: Array<[string, ...unknown[]]>; paths: Map<string, string>; ready: () => void };
  windows: StandInWindow[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  defaultSession: FakeSession & { headersListener?: HeadersListener };
  menus: unknown[];
  errorBoxes: string[];
}
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

const hooks = vi.hoisted(() => ({ standIn: undefined as StandIn | undefined }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  let markReady: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (markReady = r));
  const calls: Array<[string, ...unknown[]]> = [];
  const paths = new Map<string, string>();
  const app = Object.assign(new Emitter(), {
    calls,
    paths,
    ready: () => markReady(),
    isPackaged: false,
    setPath: (name: string, value: string) => (calls.push(['setPath', name, value]), paths.set(name, value)),
    getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
    enableSandbox: () => calls.push(['enableSandbox']),
    setAppUserModelId: (id: string) => calls.push(['setAppUserModelId', id]),
    requestSingleInstanceLock: () => (calls.push(['requestSingleInstanceLock']), true),
    whenReady: () => readyPromise,
    quit: () => calls.push(['quit']),
    exit: (code: number) => calls.push(['exit', code]),
    getLocale: () => 'zh-CN',
  });
  const makeSession = () => ({
    requestHandler: undefined as unknown,
    checkHandler: undefined as unknown,
    headersListener: undefined as HeadersListener | undefined,
    setPermissionRequestHandler(h: unknown) {
      this.requestHandler = h;
    },
    setPermissionCheckHandler(h: unknown) {
      this.checkHandler = h;
    },
    webRequest: {
      onHeadersReceived: (l: HeadersListener) => {
        defaultSession.headersListener = l;
      },
    },
  });
  const defaultSession = makeSession();
  const windows: StandInWindow[] = [];
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows.filter((w) => !(w as unknown as { destroyed?: boolean }).destroyed);
    webContents = Object.assign(new Emitter(), {
      session: makeSession(),
      windowOpenHandler: undefined as unknown,
      setWindowOpenHandler(h: unknown) {
        this.windowOpenHandler = h;
      },
    });
    loads: Array<{ url: string } | { file: string }> = [];
    constructor(public options: BrowserWindowOptionsLike) {
      super();
      windows.push(this as unknown as StandInWindow);
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    loadURL(url: string) {
      this.loads.push({ url });
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loads.push({ file });
      return Promise.resolve();
    }
  }
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (channel: string, l: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, l);
    },
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  };
  const menus: unknown[] = [];
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => menus.push(menu),
  };
  const errorBoxes: string[] = [];
  const dialog = { showErrorBox: (title: string, content: string) => errorBoxes.push(`${title}: ${content}`) };
  hooks.standIn = { app, windows, ipcHandlers, defaultSession, menus, errorBoxes } as unknown as StandIn;
  const mod = { app, BrowserWindow, ipcMain, Menu, dialog, session: { defaultSession } };
  return { ...mod, default: mod };
});

describe('main.ts wiring (electron stood in)', () => {
  let dataDir = '';
  let standIn: StandIn;
  const saved = { data: process.env.GREENDESK_DATA_DIR, url: process.env.ELECTRON_RENDERER_URL };
  const here = resolve('src-main/electron'); // main.ts runs from source here: its "out" siblings are computed from it
  const appPage = pathToFileURL(join(here, '..', 'renderer', 'index.html')).href;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'greendesk-main-'));
    process.env.GREENDESK_DATA_DIR = dataDir;
    delete process.env.ELECTRON_RENDERER_URL;
    await import('../../src-main/electron/main.js');
    standIn = hooks.standIn!;
    expect(standIn.windows).toHaveLength(0); // nothing before ready
    standIn.app.ready();
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1), { timeout: 60_000, interval: 50 });
  });

  afterAll(async () => {
    // quit as the app would, so the database is closed before the folder goes
    const event = { preventDefault: vi.fn() };
    standIn?.app.emit('before-quit', event);
    await vi.waitFor(() => expect(standIn.app.calls.some(([c]) => c === 'quit')).toBe(true));
    rmSync(dataDir, { recursive: true, force: true });
    if (saved.data === undefined) delete process.env.GREENDESK_DATA_DIR;
    else process.env.GREENDESK_DATA_DIR = saved.data;
    if (saved.url !== undefined) process.env.ELECTRON_RENDERER_URL = saved.url;
  });

  it('before ready: userData from GREENDESK_DATA_DIR, sandbox for all, single-instance lock', () => {
    const names = standIn.app.calls.map(([c]) => c);
    expect(standIn.app.calls).toContainEqual(['setPath', 'userData', resolve(dataDir)]);
    expect(names).toContain('enableSandbox');
    expect(names).toContain('requestSingleInstanceLock');
    expect(names.indexOf('setPath')).toBeLessThan(names.indexOf('requestSingleInstanceLock'));
  });

  it('first run created the database in the data folder', () => {
    expect(existsSync(join(dataDir, 'greendesk.db'))).toBe(true);
    expect(standIn.errorBoxes).toEqual([]);
  });

  it('opened one hardened window on the built renderer, through the factory', () => {
    const [win] = standIn.windows;
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(win?.options.webPreferences.preload).toBe(join(here, '..', 'preload', 'index.cjs'));
    expect(win?.loads).toEqual([{ file: join(here, '..', 'renderer', 'index.html') }]);
    expect(win?.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers IPC from the app page over the real dispatch, and refuses a foreign page', async () => {
    const handler = standIn.ipcHandlers.get(IPC_CHANNEL);
    expect(handler).toBeTypeOf('function');
    const ok = (await handler?.({ senderFrame: { url: appPage, parent: null } }, 'app.info', {})) as Result<unknown>;
    expect(ok.ok).toBe(true);
    // the demo library was loaded on first run
    expect(ok.ok && ok.value).toMatchObject({ dbFile: expect.stringContaining('greendesk.db'), library: expect.anything() });
    const foreign = (await handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {})) as Result<unknown>;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('sends the CSP as a response header, replacing any other', () => {
    const listener = standIn.defaultSession.headersListener;
    expect(listener).toBeTypeOf('function');
    const callback = vi.fn();
    listener?.({ url: appPage, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] },
    });
  });

  it('denies permissions on the default session and sets a minimal menu', () => {
    const cb = vi.fn();
    (standIn.defaultSession.requestHandler as PermissionRequestHandler)(null, 'media', cb, {});
    expect(cb).toHaveBeenCalledExactlyOnceWith(false);
    expect((standIn.defaultSession.checkHandler as PermissionCheckHandler)(null, 'media', 'file://', {})).toBe(false);
    expect(standIn.menus).toHaveLength(1);
  });

  it('hardens every other web contents the app creates', () => {
    const contents = Object.assign(new FakeWebContents(), {});
    standIn.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const e = event('https://evil.example/');
    contents.emit('will-navigate', e, 'https://evil.example/');
    expect(e.defaultPrevented).toBe(true);
  });

  it('a second instance focuses the window instead of opening another', () => {
    standIn.app.emit('second-instance');
    expect(standIn.windows).toHaveLength(1);
  });
});
