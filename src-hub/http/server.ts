/**
 * The hub's HTTP server: JSON under /v1 (shared/sync/protocol.ts). It keeps nothing in memory between requests —
 * a device is found from its token on every call — so any number of hub processes can serve one database.
 * Every input is validated; an error is `{ error: { code, message, path? } }` with its status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { AppError, toEnvelope } from '../../shared/errors.js';
import { parseLang, type Lang } from '../../shared/i18n/errors.js';
import { MAX_PAGE, MAX_PUSH_BYTES, PROTOCOL, enrollRequestSchema, pushRequestSchema } from '../../shared/sync/protocol.js';
import type { HubDb } from '../db/open.js';
import { deviceByToken, deviceInfo, enrollDevice, type DeviceRow } from '../services/devices.js';
import { libraryChanges, libraryHead } from '../services/library.js';
import { hubId } from '../services/meta.js';
import { modelsAfter } from '../services/models.js';
import { applyEntries } from '../services/push.js';

const STATUS: Record<string, number> = {
  VALIDATION: 400, BAD_JSON: 400, BAD_VERSION_RANGE: 400,
  UNAUTHORIZED: 401, DEVICE_TOKEN_INVALID: 401,
  DEVICE_MISMATCH: 403, ENROLL_CODE_INVALID: 403, ENROLL_CODE_USED: 403, ENROLL_CODE_EXPIRED: 403, ENROLL_PROOF_INVALID: 403, DEVICE_ID_TAKEN: 403,
  NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405,
  SEQ_GAP: 409, UNKNOWN_BASE_VERSION: 409,
  BODY_TOO_LARGE: 413,
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function langOf(req: IncomingMessage): Lang {
  return parseLang((req.headers['x-greendesk-lang'] as string | undefined) ?? req.headers['accept-language']?.split(',')[0]);
}

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new AppError('BODY_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('BAD_JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new AppError('VALIDATION', { path, params: { detail: `${path || '(root)'}: ${issue?.message ?? 'invalid'}`.slice(0, 200) } });
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const changesQuery = z.object({ from: int(0, 2 ** 31), to: int(0, 2 ** 31), after: z.string().max(64).default(''), limit: int(1, MAX_PAGE).default(1000) }).strict();
const modelsQuery = z.object({ after: int(0, 2 ** 31).default(0), limit: int(1, MAX_PAGE).default(100) }).strict();

export interface HubServerOptions {
  hub: HubDb;
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

export interface HubServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export function startHubServer(opts: HubServerOptions): Promise<HubServer> {
  const { db } = opts.hub;
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));

  async function device(req: IncomingMessage): Promise<DeviceRow> {
    const auth = req.headers.authorization;
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token) throw new AppError('UNAUTHORIZED');
    const d = await deviceByToken(db, token);
    if (!d) throw new AppError('DEVICE_TOKEN_INVALID');
    return d;
  }

  async function route(req: IncomingMessage, res: ServerResponse, lang: Lang): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const query = Object.fromEntries(url.searchParams);
    const is = (method: string, path: string) => req.method === method && url.pathname === path;
    if (is('GET', '/v1/health')) return send(res, 200, { hubId: await hubId(db), protocol: PROTOCOL, time: new Date().toISOString() });
    if (is('POST', '/v1/enroll')) return send(res, 200, await enrollDevice(db, parse(enrollRequestSchema, await readJson(req, 64 * 1024))));
    if (is('GET', '/v1/device')) return send(res, 200, await deviceInfo(db, await device(req)));
    if (is('GET', '/v1/library/head')) {
      await device(req);
      return send(res, 200, await libraryHead(db));
    }
    if (is('GET', '/v1/library/changes')) {
      await device(req);
      return send(res, 200, await libraryChanges(db, parse(changesQuery, query)));
    }
    if (is('GET', '/v1/models')) {
      const d = await device(req);
      const q = parse(modelsQuery, query);
      return send(res, 200, await modelsAfter(db, d.bank, q.after, q.limit));
    }
    if (is('POST', '/v1/push')) {
      const d = await device(req);
      const body = parse(pushRequestSchema, await readJson(req, MAX_PUSH_BYTES));
      if (body.deviceId !== d.id) throw new AppError('DEVICE_MISMATCH', { path: 'deviceId' });
      const out = await applyEntries(db, d, body.entries, { via: 'push', lang });
      if (out.gap && out.results.length === 0) {
        throw new AppError('SEQ_GAP', { path: 'entries.0.seq', params: { expected: out.gap.expected }, details: { expected: out.gap.expected, lastSeq: out.lastSeq } });
      }
      return send(res, 200, out);
    }
    if (url.pathname.startsWith('/v1/')) throw new AppError(['GET', 'POST'].includes(req.method ?? '') ? 'NOT_FOUND' : 'METHOD_NOT_ALLOWED', { params: { what: url.pathname.slice(0, 80) } });
    throw new AppError('NOT_FOUND', { params: { what: url.pathname.slice(0, 80) } });
  }

  const server = createServer((req, res) => {
    const lang = langOf(req);
    route(req, res, lang).catch((err: unknown) => {
      if (!(err instanceof AppError)) log(`[hub] ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const status = err instanceof AppError ? (STATUS[err.code] ?? (err.code === 'HUB_DB_UNREACHABLE' ? 503 : 422)) : 500;
      if (res.headersSent) return res.destroy();
      if (status === 413) res.setHeader('Connection', 'close');
      send(res, status, { error: toEnvelope(err, lang) });
    });
  });
  server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new AppError('PORT_IN_USE', { params: { port: opts.port ?? 0 } }) : err));
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
      resolve({
        server,
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}
