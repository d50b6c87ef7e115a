/**
 * A fault-injecting HTTP proxy on loopback, between a device and a real hub. For each request it asks a policy
 * what to do: pass it on, drop the connection before the hub sees it, lose the hub's answer (the hub applied the
 * request, the device never hears back), cut the answer half-way, send the request to the hub twice, delay it,
 * answer 503 itself — or call a hook (a test that SIGKILLs the device process at that point).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'lose' }
  | { kind: 'cut' }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'error'; status: number }
  /** Runs `hook` at the point: 'before' the hub sees the request, 'after' it answered, or 'mid' the answer. */
  | { kind: 'hook'; at: 'before' | 'after' | 'mid'; hook: () => void | Promise<void> };

export interface ProxiedRequest {
  index: number;
  method: string;
  path: string;
}

export type Policy = (r: ProxiedRequest) => Fault;

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    up.on('error', reject);
    up.end(body);
  });
}

export interface FaultProxy {
  url: string;
  requests: ProxiedRequest[];
  faults: Record<string, number>;
  setPolicy(p: Policy): void;
  close(): Promise<void>;
}

export async function startFaultProxy(hubUrl: string, policy: Policy = () => ({ kind: 'pass' })): Promise<FaultProxy> {
  const target = new URL(hubUrl);
  const requests: ProxiedRequest[] = [];
  const faults: Record<string, number> = {};
  let current = policy;
  const sockets = new Set<Socket>();

  const reply = (res: ServerResponse, up: Upstream) => {
    res.writeHead(up.status, { 'content-type': String(up.headers['content-type'] ?? 'application/json'), 'content-length': up.body.length });
    res.end(up.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const r: ProxiedRequest = { index: requests.length + 1, method: req.method ?? 'GET', path: req.url ?? '/' };
    requests.push(r);
    const fault = current(r);
    faults[fault.kind] = (faults[fault.kind] ?? 0) + 1;
    switch (fault.kind) {
      case 'drop':
        return req.socket.destroy();
      case 'error': {
        const text = JSON.stringify({ error: { code: 'INTERNAL', message: 'injected' } });
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        return res.end(text);
      }
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return reply(res, await forward(target, req, body));
      case 'duplicate':
        await forward(target, req, body);
        return reply(res, await forward(target, req, body));
      case 'lose':
        await forward(target, req, body);
        return req.socket.destroy();
      case 'cut': {
        const up = await forward(target, req, body);
        res.writeHead(up.status, { 'content-type': 'application/json', 'content-length': up.body.length });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        return setTimeout(() => req.socket.destroy(), 5);
      }
      case 'hook': {
        if (fault.at === 'before') {
          await fault.hook();
          return req.socket.destroy();
        }
        const up = await forward(target, req, body);
        if (fault.at === 'mid') {
          res.writeHead(up.status, { 'content-type': 'application/json', 'content-length': up.body.length });
          res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        }
        await fault.hook();
        return req.socket.destroy();
      }
      default:
        return reply(res, await forward(target, req, body));
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    setPolicy: (p) => {
      current = p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A seeded random policy: each request gets one of the faults with the given weights (the rest pass). */
export function randomFaults(seed: number, weights: Partial<Record<'drop' | 'lose' | 'cut' | 'duplicate' | 'delay' | 'error', number>>): Policy {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    let x = next();
    for (const [kind, w] of Object.entries(weights) as [keyof typeof weights, number][]) {
      if (x < w) {
        if (kind === 'delay') return { kind, ms: 5 + Math.floor(next() * 60) };
        if (kind === 'error') return { kind, status: next() < 0.5 ? 503 : 500 };
        return { kind } as Fault;
      }
      x -= w;
    }
    return { kind: 'pass' };
  };
}
