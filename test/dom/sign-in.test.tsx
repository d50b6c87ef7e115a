import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { readSessionId } from '../../src-renderer/api/session.js';
import { App } from '../../src-renderer/App.js';
import { useAuthStore } from '../../src-renderer/stores/auth.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_INFO, fakeClient, OFFICER, type Handlers } from './fake-client.js';
import { byText, click, render, waitFor } from './render.js';

const signedOut: Handlers = {
  'auth.status': () => ({ needsSetup: false, user: null }),
  'app.info': () => APP_INFO,
  'library.list': (i) => ({ total: 0, page: i.page ?? 1, pageSize: 50, items: [] }),
};

function input(id: string): HTMLInputElement {
  const el = document.getElementById(id) as HTMLInputElement | null;
  if (!el) throw new Error(`no #${id}`);
  return el;
}

/** Types into a controlled input the way React notices. */
async function type(el: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submitForm(): Promise<void> {
  const form = document.querySelector('form')!;
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

function alertText(): string {
  return Array.from(document.querySelectorAll('.ant-alert')).map((a) => a.textContent ?? '').join(' | ');
}

describe('sign-in', () => {
  it('shows the sign-in screen, the demo accounts on a demo database, and asks for both fields', async () => {
    const client = fakeClient(signedOut);
    await render(<App client={client} />);
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    expect(document.querySelector('h1')?.textContent).toBe('登录');
    expect(document.querySelector('nav')).toBeNull();
    await waitFor(() => expect(document.querySelector('[data-testid="demo-accounts"]')?.textContent).toContain('greendesk2026'));
    const hint = document.querySelector('[data-testid="demo-accounts"]')!.textContent!;
    for (const name of ['zhangwei', 'lina', 'wangfang', 'admin', '客户经理', '审批人']) expect(hint).toContain(name);

    await submitForm();
    expect(document.body.textContent).toContain('请输入用户名');
    expect(document.body.textContent).toContain('请输入密码');
    expect(client.calls.some((c) => c.method === 'auth.login')).toBe(false);
  });

  it('no demo hint on a real database', async () => {
    const client = fakeClient({ ...signedOut, 'app.info': () => ({ ...APP_INFO, library: { ...APP_INFO.library!, source: 'import' } }) });
    await render(<App client={client} />);
    await waitFor(() => expect(client.calls.some((c) => c.method === 'app.info')).toBe(true));
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    expect(document.querySelector('[data-testid="demo-accounts"]')).toBeNull();
  });

  it('shows the envelope message for a wrong password and for a locked account, in Chinese', async () => {
    let attempt = 0;
    const client = fakeClient({
      ...signedOut,
      'auth.login': () => {
        attempt += 1;
        if (attempt === 1) throw new ApiError({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
        throw new ApiError({ code: 'ACCOUNT_LOCKED', message: '连续多次密码错误，账户已锁定 5 分钟' });
      },
    });
    await render(<App client={client} />);
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    await type(input('gd-signin-username'), 'zhangwei');
    await type(input('gd-signin-password'), 'wrong');
    await submitForm();
    await waitFor(() => expect(alertText()).toContain('用户名或密码错误'));
    expect(client.calls.find((c) => c.method === 'auth.login')?.input).toEqual({ username: 'zhangwei', password: 'wrong' });
    expect(input('gd-signin-password').value).toBe('');
    await type(input('gd-signin-password'), 'wrong again');
    await submitForm();
    await waitFor(() => expect(alertText()).toContain('账户已锁定 5 分钟'));
    expect(document.querySelector('nav')).toBeNull();
  });

  it('signs in: keeps the session id, shows the name and role in the header, and signs out from its menu', async () => {
    const client = fakeClient({
      ...signedOut,
      'auth.login': () => ({ sessionId: 'sess-123', user: OFFICER }),
      'auth.logout': () => ({}),
    });
    await render(<App client={client} />);
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    await type(input('gd-signin-username'), ' zhangwei ');
    await type(input('gd-signin-password'), 'greendesk2026');
    await submitForm();
    await waitFor(() => expect(document.querySelector('nav')).not.toBeNull());
    expect(client.calls.find((c) => c.method === 'auth.login')?.input).toEqual({ username: 'zhangwei', password: 'greendesk2026' });
    expect(readSessionId()).toBe('sess-123');
    const menu = document.querySelector('[data-testid="user-menu"]')!;
    expect(menu.textContent).toContain('张伟');
    expect(menu.textContent).toContain('客户经理');

    await click(menu);
    await waitFor(() => expect(byText('退出登录').length).toBeGreaterThan(0));
    await click(byText('退出登录')[0]!.closest('li'));
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    expect(client.calls.some((c) => c.method === 'auth.logout')).toBe(true);
    expect(readSessionId()).toBeNull();
    expect(document.body.textContent).toContain('您已安全退出');
  });

  it('on a database without accounts, creates the first administrator (passwords must match, 8+ characters)', async () => {
    const client = fakeClient({
      'auth.status': () => ({ needsSetup: true, user: null }),
      'app.info': () => ({ ...APP_INFO, library: null }),
      'library.list': (i) => ({ total: 0, page: i.page ?? 1, pageSize: 50, items: [] }),
      'auth.setup': (i) => ({ sessionId: 'sess-admin', user: { id: 1, username: i.username, displayName: i.displayName ?? '', role: 'admin' } }),
    });
    await render(<App client={client} />);
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('创建首个管理员'));
    expect(input('gd-setup-username').value).toBe('admin');
    await type(input('gd-setup-name'), '王管理');
    await type(input('gd-setup-password'), 'short');
    await type(input('gd-setup-confirm'), 'different');
    await submitForm();
    expect(document.body.textContent).toContain('密码至少 8 位');
    expect(document.body.textContent).toContain('两次输入的密码不一致');
    expect(client.calls.some((c) => c.method === 'auth.setup')).toBe(false);

    await type(input('gd-setup-password'), 'a-long-password');
    await type(input('gd-setup-confirm'), 'a-long-password');
    await submitForm();
    await waitFor(() => expect(document.querySelector('nav')).not.toBeNull());
    expect(client.calls.find((c) => c.method === 'auth.setup')?.input).toEqual({ username: 'admin', displayName: '王管理', password: 'a-long-password' });
    expect(document.querySelector('[data-testid="user-menu"]')?.textContent).toContain('管理员');
    expect(readSessionId()).toBe('sess-admin');
  });

  it('LOGIN_REQUIRED from any call returns to the sign-in screen with a message', async () => {
    let expired = false;
    const client = fakeClient({
      'app.info': () => APP_INFO,
      'auth.status': () => ({ needsSetup: false, user: expired ? null : OFFICER }),
      'library.list': (i) => {
        if (expired) throw new ApiError({ code: 'LOGIN_REQUIRED', message: '请先登录' });
        return { total: 0, page: i.page ?? 1, pageSize: 50, items: [] };
      },
      'applications.list': () => {
        throw new ApiError({ code: 'LOGIN_REQUIRED', message: '请先登录' });
      },
      'models.scoring': () => {
        throw new ApiError({ code: 'LOGIN_REQUIRED', message: '请先登录' });
      },
    });
    await render(<App client={client} />);
    await waitFor(() => expect(document.querySelector('nav')).not.toBeNull());
    expired = true;
    await act(async () => useUiStore.getState().setPage('applications'));
    await waitFor(() => expect(document.getElementById('gd-signin-username')).not.toBeNull());
    expect(useAuthStore.getState().phase).toBe('signedOut');
    expect(alertText()).toContain('登录已失效');
    expect(document.querySelector('nav')).toBeNull();
  });
});
