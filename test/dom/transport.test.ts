import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { api, createAppClient, pickTransport } from '../../src-renderer/api/client.js';
import { readSessionId, SESSION_STORAGE_KEY, writeSessionId } from '../../src-renderer/api/session.js';
import { TOKEN_STORAGE_KEY } from '../../src-renderer/api/token.js';
import { httpTransport, transportKind } from '../../src-renderer/api/transport.js';
import { useSessionStore } from '../../src-renderer/stores/session.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('transport choice', () => {
  it('uses the preload bridge when window.greendesk.invoke exists', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { appVersion: '9.9.9' } }));
    const fetchSpy = vi.fn();
    const client = createAppClient(() => ({ win: { greendesk: { invoke } }, token: () => 't', lang: () => 'zh-CN', fetch: fetchSpy }));
    const out = await client.call('app.info', {});
    expect(out).toEqual({ appVersion: '9.9.9' });
    expect(invoke).toHaveBeenCalledWith('app.info', {}, { lang: 'zh-CN' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(transportKind({ greendesk: { invoke } })).toBe('ipc');
  });

  it('falls back to HTTP without a bridge (or with one that has no invoke)', () => {
    expect(transportKind({})).toBe('http');
    expect(transportKind({ greendesk: {} })).toBe('http');
    expect(transportKind(undefined)).toBe('http');
  });

  it('the app singleton picks IPC on a window with a bridge', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: 'from-ipc' }));
    (window as unknown as { greendesk: unknown }).greendesk = { invoke };
    const out = await api.call('library.get', { id: 'X' });
    expect(out).toBe('from-ipc');
    expect(invoke).toHaveBeenCalledWith('library.get', { id: 'X' }, { lang: 'zh-CN' });
  });

  it('the app singleton uses HTTP with the stored token and the UI language otherwise', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok-from-session');
    useUiStore.getState().setLang('en');
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { total: 0, page: 1, pageSize: 50, items: [] } }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      await api.call('library.list', { page: 1, pageSize: 50 });
    } finally {
      vi.unstubAllGlobals();
    }
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/library.list');
    const headers = init.headers as Record<string, string>;
    expect(headers['X-GreenDesk-Token']).toBe('tok-from-session');
    expect(headers['X-GreenDesk-Lang']).toBe('en');
  });
});

describe('HTTP transport', () => {
  it('POSTs the JSON input to /rpc/<method> with token and language headers', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { total: 3, page: 2, pageSize: 50, items: [] } }));
    const client = createAppClient(() => ({ win: {}, token: () => 'abc123', lang: () => 'zh-CN', fetch: fetchMock as unknown as typeof fetch }));
    const out = await client.call('library.list', { page: 2, pageSize: 50, district: '新会区' });
    expect(out.total).toBe(3);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/library.list');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'X-GreenDesk-Token': 'abc123', 'X-GreenDesk-Lang': 'zh-CN' });
    expect(JSON.parse(init.body as string)).toEqual({ page: 2, pageSize: 50, district: '新会区' });
  });

  it('turns an application error envelope into an ApiError with its code, message and path', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: false, error: { code: 'NOT_FOUND', message: '未找到：X', path: 'id' } }));
    const client = createAppClient(() => ({ win: {}, token: () => 't', lang: () => 'zh-CN', fetch: fetchMock as unknown as typeof fetch }));
    const err = await client.call('library.get', { id: 'X' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: '未找到：X', path: 'id' });
  });

  it('401 → ApiError UNAUTHORIZED and the unauthorized callback', async () => {
    const onUnauthorized = vi.fn();
    const fetchMock = vi.fn(async () => jsonResponse(401, { ok: false, error: { code: 'UNAUTHORIZED', message: '未授权：缺少或错误的访问令牌' } }));
    const client = createAppClient(() => ({ win: {}, token: () => 'stale', lang: () => 'zh-CN', fetch: fetchMock as unknown as typeof fetch, onUnauthorized }));
    const err = await client.call('app.info', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('UNAUTHORIZED');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('401 without an envelope body still reads as UNAUTHORIZED, in the UI language', async () => {
    const t = httpTransport({ token: () => 't', lang: () => 'en', fetch: (async () => new Response('nope', { status: 401 })) as typeof fetch });
    const res = await t('app.info', {});
    expect(res).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Unauthorized: missing or wrong access token' } });
  });

  it('the singleton shows the token page on a 401', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'stale');
    vi.stubGlobal('fetch', async () => jsonResponse(401, { ok: false, error: { code: 'UNAUTHORIZED', message: '未授权' } }));
    try {
      await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(useSessionStore.getState().auth).toBe('unauthorized');
  });

  it('without a token it does not call the server', async () => {
    const fetchMock = vi.fn();
    const transport = pickTransport({ win: {}, token: () => null, lang: () => 'zh-CN', fetch: fetchMock as unknown as typeof fetch });
    const res = await transport('app.info', {});
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.code).toBe('UNAUTHORIZED');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a network failure becomes ApiError TRANSPORT', async () => {
    const client = createAppClient(() => ({
      win: {},
      token: () => 't',
      lang: () => 'zh-CN',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    }));
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'TRANSPORT' });
  });
});

describe('the signed-in session on every call', () => {
  it('IPC passes { lang, sessionId } as the third argument (kept in memory only)', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: {} }));
    (window as unknown as { greendesk: unknown }).greendesk = { invoke };
    writeSessionId('sess-ipc');
    useUiStore.getState().setLang('en');
    await api.call('applications.list', { queue: 'mine' });
    expect(invoke).toHaveBeenCalledWith('applications.list', { queue: 'mine' }, { lang: 'en', sessionId: 'sess-ipc' });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('HTTP sends X-GreenDesk-Session when signed in, and nothing when not', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: {} }));
    let session: string | null = 'sess-http';
    const client = createAppClient(() => ({ win: {}, token: () => 't', lang: () => 'zh-CN', sessionId: () => session, fetch: fetchMock as unknown as typeof fetch }));
    await client.call('auth.status', {});
    session = null;
    await client.call('auth.status', {});
    const headers = (i: number) => (fetchMock.mock.calls[i] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers(0)['X-GreenDesk-Session']).toBe('sess-http');
    expect(headers(1)).not.toHaveProperty('X-GreenDesk-Session');
  });

  it('browser mode keeps the session id in sessionStorage for a reload, and forgets it on sign-out', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'tok');
    writeSessionId('sess-tab');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('sess-tab');
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { needsSetup: false, user: null } }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      await api.call('auth.status', {});
    } finally {
      vi.unstubAllGlobals();
    }
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['X-GreenDesk-Session']).toBe('sess-tab');
    writeSessionId(null);
    expect(readSessionId()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
