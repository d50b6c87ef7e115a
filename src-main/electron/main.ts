/**
 * The Electron main process: the only module that imports 'electron' at runtime. It stays thin — the services,
 * the dispatch and the hardening live elsewhere and are tested without Electron:
 *   window.ts  the one window factory (hardened webPreferences, navigation/new-window/permission guards)
 *   ipc.ts     the IPC transport (sender check, one channel, the one dispatch)
 *   csp.ts     the Content-Security-Policy, also sent as a response header here
 *
 * Data folder: GREENDESK_DATA_DIR if set, else the same per-user folder browser mode uses (paths.userDataDir()),
 * set as Electron's userData before anything reads it, so the single-instance lock and Chromium's profile live
 * there too. First run creates the database with the demo library (first-run.ts).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  type MenuItemConstructorOptions,
  type Session,
} from 'electron';
import { openAppApi, type AppApi } from '../api/app.js';
import { toEnvelope } from '../../shared/errors.js';
import { ensureAppDatabase } from '../services/first-run.js';
import { userDataDir } from '../services/paths.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { appSenderCheck, registerIpc } from './ipc.js';
import { appRootFor, createMainWindow, denyAllPermissions, hardenWebContents, type MainWindowOptions } from './window.js';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const rendererFile = join(here, '..', 'renderer', 'index.html');
// electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never loads a URL taken from the environment.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const target: Pick<MainWindowOptions, 'rendererUrl' | 'rendererFile'> = devUrl ? { rendererUrl: devUrl } : { rendererFile };
const appRoot = appRootFor(target);

app.setPath('userData', resolve(process.env.GREENDESK_DATA_DIR || userDataDir()));
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('cn.greendesk.app');

let api: AppApi | undefined;
let mainWindow: BrowserWindow | undefined;

function log(msg: string): void {
  process.stderr.write(`[greendesk] ${msg}\n`);
}

function installContentSecurityPolicy(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** macOS needs an app and an Edit menu for the usual shortcuts; elsewhere no menu bar (a View menu in development). */
function minimalMenu(): Menu | null {
  const dev: MenuItemConstructorOptions[] = app.isPackaged ? [] : [{ role: 'viewMenu' }];
  if (process.platform === 'darwin') {
    return Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, ...dev, { role: 'windowMenu' }]);
  }
  return dev.length > 0 ? Menu.buildFromTemplate(dev) : null;
}

function openMainWindow(): BrowserWindow {
  const win = createMainWindow({ BrowserWindow }, {
    preloadPath,
    ...target,
    onLoadFailed: (err) => log(`the page failed to load: ${err instanceof Error ? err.message : String(err)}`),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  installContentSecurityPolicy(session.defaultSession);
  denyAllPermissions(session.defaultSession);
  Menu.setApplicationMenu(minimalMenu());

  const dataDir = app.getPath('userData');
  const dbFile = await ensureAppDatabase(dataDir);
  api = openAppApi(dbFile, {
    log,
    autoSync: true,
    // The score sheet's 保存为 PDF: the print view as shown (its print CSS leaves only the sheet), on A4.
    host: {
      printToPdf: async () => {
        if (!mainWindow) throw new Error('no window to print');
        return mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      },
    },
  });
  registerIpc(ipcMain, api.dispatch, appSenderCheck(appRoot), {
    onRefused: (reason, url) => log(`IPC call refused (${reason}) from ${url ?? 'an unknown frame'}`),
  });

  mainWindow = openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
  });
}

function failStartup(err: unknown): void {
  const zh = toEnvelope(err, 'zh-CN').message;
  const en = toEnvelope(err, 'en').message;
  log(`startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  dialog.showErrorBox('GreenDesk 无法启动 / cannot start', `${zh}\n${en}`);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // another GreenDesk has this data folder open: it gets focused (second-instance) instead
} else {
  app.on('second-instance', focusMainWindow);
  // Every web contents the app ever creates gets the same guards as the main window (defence in depth).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appRoot));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the database (WAL checkpoint) before quitting: hold the quit until close() settles, then quit again.
  let closing: Promise<void> | undefined;
  let dbClosed = false;
  app.on('before-quit', (event) => {
    if (!api || dbClosed) return;
    event.preventDefault();
    if (closing) return;
    const open = api;
    closing = open
      .close()
      .catch((err: unknown) => log(`closing the database failed: ${String(err)}`))
      .finally(() => {
        dbClosed = true;
        api = undefined;
        app.quit();
      });
  });

  app.whenReady().then(start).catch(failStartup);
}
