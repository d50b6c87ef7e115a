// The sync indicator and the 同步 page in happy-dom against a fake client: what the officer sees of the hub,
// enrolment by an administrator, the outbox with rejected entries and their reasons, resend, sync now with its
// progress, re-download behind a confirmation that promises unsent work is kept, export of the offline file,
// and a round asked for when the computer comes back online.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import type { Output } from '../../shared/contract/methods.js';
import { App } from '../../src-renderer/App.js';
import { useApplicationsStore } from '../../src-renderer/stores/applications.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_INFO, OFFICER, SYNC_STATUS, fakeClient, type Handlers } from './fake-client.js';
import { typeInto } from './library-helpers.js';
import { byText, click, flush, render, waitFor } from './render.js';

const ADMIN = { id: 4, username: 'admin', displayName: '系统管理员', role: 'admin' as const };
const DEVICE = { hubId: 'hub-1', deviceId: SYNC_STATUS.deviceId, deviceName: 'BRANCH-PC-01', bank: '江门农商银行', branch: '蓬江支行', lastSeq: 12 };
const ENROLLED: Output<'sync.status'> = {
  ...SYNC_STATUS, hubUrl: 'https://hub.example', enrolled: true, device: DEVICE, reachable: true,
  lastRound: { at: new Date(Date.now() - 5 * 60_000).toISOString(), ok: true, trigger: 'auto', errorCode: null, errorMessage: null },
  lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  outbox: { pending: 3, sent: 40, rejected: 1, resent: 0, oldestPendingAt: new Date().toISOString(), nextAttemptAt: null },
};
const REJECTED = {
  seq: 17, kind: 'application' as const, entityId: 'GA-20261122-ABCDEF', label: '江门市绿源再生资源有限公司', state: 'rejected' as const, attempts: 1, lastError: null,
  createdAt: '2026-11-22T02:00:00.000Z', sentAt: '2026-11-22T02:05:00.000Z', hubSeq: 311, rejectCode: 'UNKNOWN_MODEL',
  rejectMessage: '同步中心没有模型 local-2026.9：请总行先发布该模型，再重新发送', rejectPath: 'scores.0.modelId', resentAs: null,
};

async function openApp(user: typeof OFFICER | typeof ADMIN, handlers: Handlers) {
  useUiStore.setState({ page: 'sync' });
  const client = fakeClient({ 'auth.status': () => ({ needsSetup: false, user }), 'app.info': () => APP_INFO, 'sync.outbox': () => ({ total: 0, items: [] }), 'sync.history': () => ({ items: [] }), ...handlers });
  await render(<App client={client} />);
  await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('同步'));
  return client;
}

const indicator = () => document.querySelector('[data-testid="sync-indicator"]')!;

describe('the sync indicator', () => {
  it('says when no hub is connected, and opens the 同步 page on click', async () => {
    useUiStore.setState({ page: 'library' });
    await render(<App client={fakeClient({ 'app.info': () => APP_INFO, 'library.list': () => ({ total: 0, page: 1, pageSize: 50, items: [] }) })} />);
    await waitFor(() => expect(indicator().textContent).toContain('未连接同步中心'));
    await click(indicator());
    expect(useUiStore.getState().page).toBe('sync');
  });

  it('connected: the last sync, what waits and what was rejected; offline when the computer is', async () => {
    await openApp(OFFICER, { 'sync.status': () => ENROLLED });
    await waitFor(() => expect(indicator().textContent).toContain('已连接'));
    expect(indicator().textContent).toContain('上次同步 5 分钟前');
    expect(indicator().textContent).toContain('待发送 3');
    expect(document.querySelector('[data-testid="sync-indicator-rejected"]')?.textContent).toBe('被退回 1');
    await act(async () => {
      Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
    });
    expect(indicator().textContent).toContain('离线');
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => true });
  });

  it('shows a round’s progress while it runs', async () => {
    await openApp(OFFICER, { 'sync.status': () => ({ ...ENROLLED, running: true, progress: { phase: 'library', done: 400, total: 1000 } }) });
    await waitFor(() => expect(indicator().textContent).toContain('正在同步 400 / 1000'));
    expect(document.querySelector('[data-testid="sync-progress"]')?.textContent).toContain('正在下载项目库 400 / 1,000');
  });
});

describe('the 同步 page', () => {
  const downloads: string[] = [];
  beforeEach(() => {
    downloads.length = 0;
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:test/1'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('an administrator saves the hub address and enrols with a code; a wrong code shows the hub’s reason', async () => {
    let status: Output<'sync.status'> = SYNC_STATUS;
    const client = await openApp(ADMIN, {
      'sync.status': () => status,
      'sync.configure': ({ hubUrl }) => {
        status = { ...status, hubUrl };
        return { hubUrl };
      },
      'sync.enroll': ({ code }) => {
        if (code !== 'K7QD-3MZX-8PTA-WN2F') throw new ApiError({ code: 'ENROLL_CODE_INVALID', message: '注册码无效', path: 'code' });
        status = { ...status, enrolled: true, device: DEVICE };
        return DEVICE;
      },
    });
    await typeInto(document.querySelector('#gd-hub-url'), 'https://hub.example');
    await click(byText('保存地址')[0]!.closest('button'));
    await waitFor(() => expect(client.calls.some((c) => c.method === 'sync.configure')).toBe(true));
    await typeInto(document.querySelector('#gd-enroll-code'), 'WRONG-CODE');
    await click(byText('注册本设备')[0]!.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="sync-enroll-error"]')?.textContent).toBe('注册码无效'));
    await typeInto(document.querySelector('#gd-enroll-code'), 'K7QD-3MZX-8PTA-WN2F');
    await click(byText('注册本设备')[0]!.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="sync-branch"]')?.textContent).toBe('已注册：江门农商银行 / 蓬江支行'));
    expect(client.calls.filter((c) => c.method === 'sync.enroll').map((c) => c.input)).toEqual([
      { code: 'WRONG-CODE', hubUrl: 'https://hub.example' },
      { code: 'K7QD-3MZX-8PTA-WN2F', hubUrl: 'https://hub.example' },
    ]);
  });

  it('a loan officer sees the connection but cannot change it, nor re-download the library', async () => {
    await openApp(OFFICER, { 'sync.status': () => ENROLLED });
    await waitFor(() => expect(document.querySelector('[data-testid="sync-branch"]')?.textContent).toContain('蓬江支行'));
    expect(document.querySelector('#gd-enroll-code')).toBeNull();
    expect(document.querySelector('[data-testid="sync-connection"]')?.textContent).toContain('仅管理员可以操作');
    expect((document.querySelector('[data-testid="sync-redownload"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('rejected entries show the hub’s reason and the field; resend queues the record again', async () => {
    let resent = false;
    const client = await openApp(OFFICER, {
      'sync.status': () => ENROLLED,
      'sync.outbox': ({ state }) => (state === 'rejected' && !resent ? { total: 1, items: [REJECTED] } : { total: 0, items: [] }),
      'sync.resend': ({ seq }) => {
        resent = true;
        expect(seq).toBe(17);
        return { seq: 45 };
      },
    });
    await waitFor(() => expect(byText('被退回 (1)').length).toBe(1));
    await click(byText('被退回 (1)')[0]);
    await waitFor(() => expect(document.querySelector('[data-testid="outbox-reason"]')?.textContent).toContain('同步中心没有模型 local-2026.9'));
    expect(document.querySelector('[data-testid="outbox-reason"]')?.textContent).toContain('UNKNOWN_MODEL · 字段：scores.0.modelId');
    expect(document.body.textContent).toContain('先按退回原因修正记录');
    await click(document.querySelector('[data-testid="outbox-resend"]'));
    await waitFor(() => expect(document.body.textContent).toContain('已作为第 45 条重新排队'));
    expect(client.calls.filter((c) => c.method === 'sync.outbox').length).toBeGreaterThanOrEqual(3);
  });

  it('opens the application behind a rejected entry, to fix it', async () => {
    await openApp(OFFICER, { 'sync.status': () => ENROLLED, 'sync.outbox': ({ state }) => (state === 'rejected' ? { total: 1, items: [REJECTED] } : { total: 0, items: [] }) });
    await waitFor(() => expect(byText('被退回 (1)').length).toBe(1));
    await click(byText('被退回 (1)')[0]);
    await waitFor(() => expect(document.querySelector('[data-testid="outbox-open"]')).not.toBeNull());
    await act(async () => (document.querySelector('[data-testid="outbox-open"]') as HTMLElement).click());
    expect(useUiStore.getState().page).toBe('applications');
    expect(useApplicationsStore.getState().detailId).toBe('GA-20261122-ABCDEF');
  });

  it('sync now starts a round and follows its job to the end', async () => {
    let polls = 0;
    const client = await openApp(OFFICER, {
      'sync.status': () => ENROLLED,
      'sync.run': () => ({ jobId: 'job-1' }),
      'jobs.get': () => (++polls < 3 ? { id: 'job-1', kind: 'sync.run', state: 'running', progress: { phase: 'push', done: 1, total: 3 } } : { id: 'job-1', kind: 'sync.run', state: 'done', progress: { phase: 'done', done: 1, total: 1 }, result: {} }),
    });
    await waitFor(() => expect((document.querySelector('[data-testid="sync-now"]') as HTMLButtonElement).disabled).toBe(false));
    await click(document.querySelector('[data-testid="sync-now"]'));
    await waitFor(() => expect(document.body.textContent).toContain('同步完成'), 10_000);
    expect(client.calls.find((c) => c.method === 'sync.run')?.input).toEqual({ reason: 'manual' });
  });

  it('re-download asks first, promising unsent work is kept', async () => {
    const client = await openApp(ADMIN, {
      'sync.status': () => ENROLLED,
      'sync.redownload': () => ({ jobId: 'job-2' }),
      'jobs.get': () => ({ id: 'job-2', kind: 'sync.redownload', state: 'done', progress: { phase: 'done', done: 1, total: 1 }, result: {} }),
    });
    await waitFor(() => expect((document.querySelector('[data-testid="sync-redownload"]') as HTMLButtonElement).disabled).toBe(false));
    await click(document.querySelector('[data-testid="sync-redownload"]'));
    await waitFor(() => expect(document.body.textContent).toContain('未发送的申请、贷款和检查记录不会受影响'));
    await click(document.querySelector('.ant-modal-confirm .ant-btn-primary'));
    await waitFor(() => expect(client.calls.some((c) => c.method === 'sync.redownload')).toBe(true));
  });

  it('exports the pending entries as the signed offline file', async () => {
    await openApp(OFFICER, {
      'sync.status': () => ENROLLED,
      'sync.exportFile': () => ({ fileName: 'greendesk-outbox-3f2a9c1e-20261201.json', contentBase64: btoa('{}'), entries: 3 }),
    });
    await waitFor(() => expect((document.querySelector('[data-testid="sync-export"]') as HTMLButtonElement).disabled).toBe(false));
    await click(document.querySelector('[data-testid="sync-export"]'));
    await waitFor(() => expect(downloads).toEqual(['greendesk-outbox-3f2a9c1e-20261201.json']));
    await waitFor(() => expect(document.body.textContent).toContain('已导出 3 条待发送记录'));
  });

  it('asks for a round the moment the computer comes back online', async () => {
    const client = await openApp(OFFICER, {
      'sync.status': () => ENROLLED,
      'sync.run': () => ({ jobId: 'job-3' }),
      'jobs.get': () => ({ id: 'job-3', kind: 'sync.run', state: 'done', progress: { phase: 'done', done: 1, total: 1 }, result: {} }),
    });
    await waitFor(() => expect(indicator().textContent).toContain('已连接'));
    await act(async () => window.dispatchEvent(new Event('online')));
    await flush(20);
    expect(client.calls.find((c) => c.method === 'sync.run')?.input).toEqual({ reason: 'online' });
  });
});

