/**
 * The Electron IPC transport: one channel (IPC_CHANNEL), `(event, method, input)` → the one dispatch → a result
 * envelope. A call is answered only if it comes from the app's own top-level page (the built renderer's folder, or
 * the dev server in development); anything else gets FORBIDDEN_SENDER and dispatch is never called.
 *
 * No runtime import of 'electron' here: the caller passes ipcMain (tests pass a stand-in).
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CHANNEL } from '../../shared/contract/channel.js';
import { AppError, toEnvelope, type ErrorEnvelope, type Result } from '../../shared/errors.js';
import { errorMessage, hasErrorMessage, parseLang, type Lang } from '../../shared/i18n/errors.js';
import type { Dispatch } from '../api/dispatch.js';

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** null for a top-level frame; a sub-frame (iframe) is never trusted. */
  readonly parent?: unknown;
}

/** The part of Electron's IpcMainInvokeEvent the handler reads (senderFrame is null once the frame is gone). */
export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null | undefined;
}

/** The part of Electron's ipcMain the transport uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export type TrustedSenderCheck = (frame: SenderFrameLike | null | undefined) => boolean;

function samePath(a: string, b: string): string[] {
  return process.platform === 'win32' ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
}

/**
 * True when `url` belongs to the app: for a file:// root (the built renderer's folder), a file inside that folder
 * (after resolving `..`; encoded separators and remote hosts refused); for an http(s) root (the dev server), the
 * same origin. Anything unparsable, or any other scheme, is not the app.
 */
export function isAppUrl(url: string, appRoot: string): boolean {
  let target: URL;
  let root: URL;
  try {
    target = new URL(url);
    root = new URL(appRoot);
  } catch {
    return false;
  }
  if (root.protocol === 'file:') {
    if (target.protocol !== 'file:') return false;
    let rootDir: string;
    let file: string;
    try {
      rootDir = resolve(fileURLToPath(root));
      file = resolve(fileURLToPath(target));
    } catch {
      return false; // a host other than localhost, an encoded '/', a relative Windows path …
    }
    const prefix = rootDir.endsWith(sep) ? rootDir : rootDir + sep;
    const [f, p] = samePath(file, prefix) as [string, string];
    return f.startsWith(p);
  }
  if (root.protocol === 'http:' || root.protocol === 'https:') {
    return (target.protocol === 'http:' || target.protocol === 'https:') && target.origin === root.origin;
  }
  return false;
}

/** The sender check main.ts uses: the top-level frame of a page under `appRoot`. */
export function appSenderCheck(appRoot: string): TrustedSenderCheck {
  return (frame) => {
    if (!frame) return false;
    if (frame.parent != null) return false;
    return isAppUrl(frame.url, appRoot);
  };
}

const FORBIDDEN_SENDER_FALLBACK: Record<Lang, string> = {
  'zh-CN': '拒绝访问：请求不是来自本应用自己的页面',
  en: "Forbidden: the request did not come from the app's own page",
};

/** The envelope for a call from a frame that is not the app's own. */
export function forbiddenSenderEnvelope(lang: Lang = 'zh-CN'): ErrorEnvelope {
  const message = hasErrorMessage('FORBIDDEN_SENDER')
    ? errorMessage('FORBIDDEN_SENDER', lang, {})
    : FORBIDDEN_SENDER_FALLBACK[lang];
  return { code: 'FORBIDDEN_SENDER', message };
}

export interface RegisterIpcOptions {
  /** The language of error messages (default zh-CN). */
  lang?: () => Lang;
  /** Told about every refused call (a foreign sender or a malformed one). */
  onRefused?: (reason: 'FORBIDDEN_SENDER' | 'VALIDATION', senderUrl: string | undefined) => void;
}

function frameUrl(frame: SenderFrameLike | null | undefined): string | undefined {
  try {
    return frame?.url;
  } catch {
    return undefined; // a disposed frame throws on access
  }
}

/**
 * Registers the one IPC handler. Returns a function that removes it. Registering twice replaces the first
 * handler instead of throwing (ipcMain allows one handler per channel).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: TrustedSenderCheck,
  opts: RegisterIpcOptions = {},
): () => void {
  const langOf = opts.lang ?? (() => 'zh-CN' as const);
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, async (event, method, input, meta): Promise<Result<unknown>> => {
    const wire = meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {};
    const lang = typeof wire.lang === 'string' ? parseLang(wire.lang) : langOf();
    const sessionId = typeof wire.sessionId === 'string' && wire.sessionId.length <= 128 ? wire.sessionId : undefined;
    const frame = event?.senderFrame;
    let trusted = false;
    try {
      trusted = isTrustedSender(frame);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      opts.onRefused?.('FORBIDDEN_SENDER', frameUrl(frame));
      return { ok: false, error: forbiddenSenderEnvelope(lang) };
    }
    if (typeof method !== 'string') {
      opts.onRefused?.('VALIDATION', frameUrl(frame));
      const err = new AppError('VALIDATION', { path: 'method', params: { detail: 'method: expected a string' } });
      return { ok: false, error: err.toEnvelope(lang) };
    }
    try {
      return await dispatch(method, input, { lang, ...(sessionId ? { sessionId } : {}) });
    } catch (err) {
      return { ok: false, error: toEnvelope(err, lang) }; // dispatch never throws; belt and braces
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
