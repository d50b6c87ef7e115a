/**
 * Browser mode: serves the built renderer and `POST /rpc/<method>` on 127.0.0.1 only. Every RPC must carry the
 * run's random token (checked before anything else), and Host and Origin must be this server's own — so other
 * web pages and DNS-rebinding tricks cannot reach the data.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { AppError, toEnvelope, type Result } from '../../shared/errors.js';
import { parseLang } from '../../shared/i18n/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.js';
import type { Dispatch } from './dispatch.js';

export const TOKEN_HEADER = 'x-greendesk-token';
export const LANG_HEADER = 'x-greendesk-lang';
export const SESSION_HEADER = 'x-greendesk-session';
const MAX_BODY = 8 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface BrowserServerOptions {
  dispatch: Dispatch;
  /** Folder of the built renderer (index.html + assets). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface BrowserServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: string, req: IncomingMessage): void {
  const lang = parseLang(req.headers[LANG_HEADER] as string | undefined);
  const result: Result<never> = { ok: false, error: new AppError(code).toEnvelope(lang) };
  sendJson(res, status, result);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null past MAX_BODY (the rest is drained, so the client reads our 413 cleanly). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      chunks.length = 0;
      if (size > MAX_BODY * 8) {
        req.destroy();
        return null;
      }
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8');
}

export function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(opts.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveStatic = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD_NOT_ALLOWED', req);
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'NOT_FOUND', req);
    }
    if (rel.includes('\0')) return refuse(res, 400, 'NOT_FOUND', req);
    let file = normalize(join(rendererDir, rel));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return refuse(res, 404, 'NOT_FOUND', req);
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // The app is a single page: unknown paths without an extension get index.html.
      if (extname(rel) !== '') return refuse(res, 404, 'NOT_FOUND', req);
      file = join(rendererDir, 'index.html');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(file).size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/rpc/')) {
      // The token first: without it nothing else is looked at, not even the method name.
      if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return refuse(res, 401, 'UNAUTHORIZED', req);
      }
      if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'FORBIDDEN_HOST', req);
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        return refuse(res, 403, 'FORBIDDEN_HOST', req);
      }
      if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', req);
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'BODY_TOO_LARGE', req);
      let input: unknown = {};
      if (body.trim() !== '') {
        try {
          input = JSON.parse(body);
        } catch {
          return refuse(res, 400, 'BAD_JSON', req);
        }
      }
      const lang = parseLang(req.headers[LANG_HEADER] as string | undefined);
      const session = req.headers[SESSION_HEADER];
      const sessionId = typeof session === 'string' && session.length <= 128 ? session : undefined;
      const result = await opts.dispatch(url.pathname.slice('/rpc/'.length), input, { lang, ...(sessionId ? { sessionId } : {}) });
      return sendJson(res, 200, result);
    }
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'FORBIDDEN_HOST', req);
    serveStatic(req, res, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toEnvelope(err) });
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new AppError('PORT_IN_USE', { params: { port: opts.port ?? 0 } }) : err);
    });
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      resolvePromise({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
