import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/App.js';
import { useSessionStore } from '../../src-renderer/stores/session.js';
import { useStatusStore } from '../../src-renderer/stores/status.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_INFO, fakeClient } from './fake-client.js';
import { byText, click, flush, render, waitFor } from './render.js';
import { act } from 'react';

const ZH_NAV = ['项目库', '授信申请', '贷后检查', '报送导出', '同步', '设置'];
const EN_NAV = ['Project library', 'Credit applications', 'Post-loan checks', 'Exports', 'Sync', 'Settings'];

function client() {
  return fakeClient({
    'app.info': () => APP_INFO,
    'library.list': (i) => ({ total: 0, page: i.page ?? 1, pageSize: 50, items: [] }),
  });
}

function navItems(): string[] {
  return Array.from(document.querySelectorAll('nav [role="menuitem"]')).map((el) => el.textContent?.trim() ?? '');
}

describe('app shell', () => {
  it('shows the six navigation items in Chinese by default', async () => {
    await render(<App client={client()} />);
    expect(navItems()).toEqual(ZH_NAV);
    expect(document.body.textContent).toContain('GreenDesk 绿色金融工作台');
  });

  it('switches to English and keeps the choice in localStorage', async () => {
    await render(<App client={client()} />);
    const english = byText('English')[0];
    const input = english?.closest('label')?.querySelector('input') ?? english;
    await click(input);
    await waitFor(() => expect(navItems()).toEqual(EN_NAV));
    expect(useUiStore.getState().lang).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(localStorage.getItem('greendesk.ui') ?? '{}').state.lang).toBe('en');
    expect(document.body.textContent).toContain('Library version 42 (2,000 projects)');
  });

  it('shows database, online state, library version and the sync server in the status bar', async () => {
    await render(<App client={client()} />);
    await waitFor(() => expect(document.querySelector('[role="status"]')?.textContent).toContain('demo.db'));
    const bar = document.querySelector('[role="status"]')!.textContent!;
    expect(bar).toContain('数据库 demo.db');
    expect(bar).toContain('在线');
    expect(bar).toContain('项目库版本 42（2,000 个项目）');
    expect(bar).toContain('未连接同步中心');
  });

  it('follows offline/online events', async () => {
    await render(<App client={client()} />);
    await act(async () => {
      Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
    });
    expect(useStatusStore.getState().online).toBe(false);
    expect(document.querySelector('[role="status"]')?.textContent).toContain('离线');
    await act(async () => {
      Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => true });
      window.dispatchEvent(new Event('online'));
    });
    expect(document.querySelector('[role="status"]')?.textContent).toContain('在线');
  });

  it('navigates with the menu and remembers the page', async () => {
    await render(<App client={client()} />);
    const item = Array.from(document.querySelectorAll('nav [role="menuitem"]')).find((el) => el.textContent?.includes('设置'));
    await click(item);
    await flush();
    expect(useUiStore.getState().page).toBe('settings');
    expect(document.querySelector('h1')?.textContent).toBe('设置');
    expect(JSON.parse(localStorage.getItem('greendesk.ui') ?? '{}').state.page).toBe('settings');
  });

  it('shows the full-page token message when the token is missing or refused', async () => {
    useSessionStore.setState({ auth: 'missing' });
    await render(<App client={client()} />);
    expect(document.body.textContent).toContain('缺少访问令牌');
    expect(document.body.textContent).toContain('greendesk serve');
    expect(document.querySelector('nav')).toBeNull();
    await act(async () => useSessionStore.setState({ auth: 'unauthorized' }));
    expect(document.body.textContent).toContain('访问令牌无效或已过期');
  });
});
