import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { App } from '../../src-renderer/App.js';
import { useApplicationFormStore } from '../../src-renderer/stores/applicationForm.js';
import { useAuthStore } from '../../src-renderer/stores/auth.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { MODEL_ANSWER } from './applications-fixtures.js';
import { APP_INFO, fakeClient } from './fake-client.js';
import { byText, click, flush, render, waitFor } from './render.js';

async function type(el: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const lockScreen = () => document.querySelector('.gd-lock');

describe('idle lock', () => {
  it('locks after the idle time, keeps what was typed, and unlocks only with the right password', async () => {
    useUiStore.setState({ page: 'applications' });
    const client = fakeClient({
      'app.info': () => APP_INFO,
      'models.scoring': () => MODEL_ANSWER,
      'applications.list': () => ({ total: 0, items: [], counts: {} }),
      'auth.unlock': (i) => {
        if (i.password !== 'greendesk2026') throw new ApiError({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
        return { ok: true as const };
      },
    });
    await render(<App client={client} />);
    await waitFor(() => expect(byText('新建授信申请').length).toBeGreaterThan(0));
    await click(byText('新建授信申请')[0]!.closest('button'));
    await waitFor(() => expect(document.getElementById('f-applicant-name')).not.toBeNull());
    await type(document.getElementById('f-applicant-name') as HTMLInputElement, '江门市未保存企业');

    // Activity keeps it open.
    await act(async () => useAuthStore.setState({ idleMs: 300 }));
    for (let i = 0; i < 6; i++) {
      await act(async () => {
        window.dispatchEvent(new MouseEvent('mousemove'));
      });
      await flush(100);
    }
    expect(lockScreen()).toBeNull();

    // Then nothing for longer than the idle time.
    await waitFor(() => expect(lockScreen()).not.toBeNull(), 3000);
    expect(lockScreen()!.textContent).toContain('屏幕已锁定');
    expect(lockScreen()!.textContent).toContain('张伟');
    expect(document.querySelector('.gd-shell-host')?.hasAttribute('inert')).toBe(true);
    // What was typed is still there, underneath.
    expect((document.getElementById('f-applicant-name') as HTMLInputElement).value).toBe('江门市未保存企业');
    expect(useApplicationFormStore.getState().values.applicant.name).toBe('江门市未保存企业');

    await act(async () => useAuthStore.setState({ idleMs: 60_000 }));
    const password = lockScreen()!.querySelector('input[type="password"]') as HTMLInputElement;
    await type(password, 'wrong');
    await act(async () => {
      lockScreen()!.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await waitFor(() => expect(lockScreen()!.textContent).toContain('用户名或密码错误'));
    expect(client.calls.filter((c) => c.method === 'auth.unlock')).toHaveLength(1);

    await type(lockScreen()!.querySelector('input[type="password"]') as HTMLInputElement, 'greendesk2026');
    await act(async () => {
      lockScreen()!.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await waitFor(() => expect(lockScreen()).toBeNull());
    expect(document.querySelector('.gd-shell-host')?.hasAttribute('inert')).toBe(false);
    expect((document.getElementById('f-applicant-name') as HTMLInputElement).value).toBe('江门市未保存企业');
  });

  it('can be locked from the user menu at once', async () => {
    const client = fakeClient({ 'app.info': () => APP_INFO, 'library.list': (i) => ({ total: 0, page: i.page ?? 1, pageSize: 50, items: [] }) });
    await render(<App client={client} />);
    await waitFor(() => expect(document.querySelector('[data-testid="user-menu"]')).not.toBeNull());
    await click(document.querySelector('[data-testid="user-menu"]'));
    await waitFor(() => expect(byText('锁定屏幕').length).toBeGreaterThan(0));
    await click(byText('锁定屏幕')[0]!.closest('li'));
    await waitFor(() => expect(lockScreen()).not.toBeNull());
  });
});
