/**
 * The ONE window factory. Every BrowserWindow of the app is made here, hardened the same way:
 * context isolation, the Chromium sandbox, no Node in the page, web security on, no <webview>, window.open denied,
 * navigation away from the app's own pages prevented, every permission request denied.
 *
 * Only `import type` from 'electron': the caller passes the electron module (main.ts the real one, tests a
 * stand-in), typed as the small subset used here (ElectronLike).
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAppUrl } from './ipc.js';

export const MAIN_WINDOW_TITLE = 'GreenDesk 绿色金融工作台';

export interface PreventableEventLike {
  preventDefault(): void;
}

/** Electron ≥ 25 passes the target on the event (`details.url`); the second argument is the older form. */
export interface NavigationEventLike extends PreventableEventLike {
  readonly url?: string;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler:
      | ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean) | null,
  ): void;
}

export interface WindowOpenDetailsLike {
  readonly url: string;
}

export interface WebContentsLike {
  readonly session: SessionLike;
  setWindowOpenHandler(handler: (details: WindowOpenDetailsLike) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'page-title-updated', listener: (event: PreventableEventLike, title: string) => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  loadFile(filePath: string): Promise<void>;
}

/** The webPreferences every window gets (plus its preload). Frozen: nothing may loosen them. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const);

export interface BrowserWindowOptionsLike {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: typeof SECURE_WEB_PREFERENCES & { preload: string };
}

/** The minimal subset of the electron module the factory uses. */
export interface ElectronLike {
  BrowserWindow: new (options: BrowserWindowOptionsLike) => BrowserWindowLike;
}

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The dev server URL (electron-vite's ELECTRON_RENDERER_URL); development only. */
  rendererUrl?: string;
  /** Absolute path of the built renderer's index.html (out/renderer/index.html). */
  rendererFile?: string;
  title?: string;
  /** Told when the page fails to load (the window still shows, so the user sees something). */
  onLoadFailed?: (err: unknown) => void;
}

/**
 * The root every app URL lives under: the dev server's origin, or the file:// URL of the built renderer's folder
 * (with a trailing slash). The navigation guard and the IPC sender check both use it.
 */
export function appRootFor(opts: Pick<MainWindowOptions, 'rendererUrl' | 'rendererFile'>): string {
  if (opts.rendererUrl !== undefined && opts.rendererFile !== undefined) {
    throw new Error('createMainWindow: give rendererUrl or rendererFile, not both');
  }
  if (opts.rendererUrl !== undefined) {
    const url = new URL(opts.rendererUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`createMainWindow: rendererUrl must be http(s), got ${url.protocol}`);
    }
    return url.origin + '/';
  }
  if (opts.rendererFile !== undefined) {
    const href = pathToFileURL(dirname(resolve(opts.rendererFile))).href;
    return href.endsWith('/') ? href : href + '/';
  }
  throw new Error('createMainWindow: rendererUrl or rendererFile is required');
}

/** Denies every permission request (camera, notifications, geolocation …) and every permission check. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The guards on a page: no new windows, no navigation or redirect away from the app's own URLs, no <webview>.
 * main.ts also applies this to every web contents the app creates (app 'web-contents-created').
 */
export function hardenWebContents(contents: WebContentsLike, appRoot: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: NavigationEventLike, url: string): void => {
    const target = typeof event.url === 'string' ? event.url : url;
    if (typeof target !== 'string' || !isAppUrl(target, appRoot)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Creates, hardens and loads the main window; it shows itself when ready to show. */
export function createMainWindow<W extends BrowserWindowLike>(
  electron: { BrowserWindow: new (options: BrowserWindowOptionsLike) => W },
  opts: MainWindowOptions,
): W {
  const appRoot = appRootFor(opts);
  const title = opts.title ?? MAIN_WINDOW_TITLE;
  const win = new electron.BrowserWindow({
    title,
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: opts.preloadPath },
  });
  hardenWebContents(win.webContents, appRoot);
  denyAllPermissions(win.webContents.session);
  // The window keeps the app's name whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  const { rendererUrl, rendererFile } = opts; // appRootFor checked that exactly one is given
  const loading = rendererUrl !== undefined ? win.loadURL(rendererUrl) : win.loadFile(rendererFile ?? '');
  loading.catch((err: unknown) => {
    opts.onLoadFailed?.(err);
  });
  return win;
}
