import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { ApiContext } from '../../src-renderer/api/client.js';
import { App } from '../../src-renderer/App.js';
import { LibraryPage } from '../../src-renderer/library/LibraryPage.js';
import { useLibraryStore } from '../../src-renderer/stores/library.js';
import { useStatusStore } from '../../src-renderer/stores/status.js';
import '../../src-renderer/i18n.js';
import { APP_INFO, fakeClient, project, summary } from './fake-client.js';
import { byText, click, render, waitFor } from './render.js';

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('tbody tr.gd-table-row'));
}

describe('LibraryPage', () => {
  it('renders a page of projects from library.list with Chinese labels', async () => {
    const client = fakeClient({
      'app.info': () => APP_INFO,
      'library.list': (i) => ({
        total: 120,
        page: i.page ?? 1,
        pageSize: 50,
        items: [summary(1), summary(2, { library: 'waste_free', category: 'resource_recycling', status: 'withdrawn', district: '台山市' })],
      }),
    });
    await render(<App client={client} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const first = rows()[0]!.textContent!;
    expect(first).toContain('JM-GP-2024-00001');
    expect(first).toContain('新会区光伏储能项目1');
    expect(first).toContain('绿色项目库');
    expect(first).toContain('能源绿色低碳转型');
    expect(first).toContain('已入库');
    expect(first).toContain('8,000.00'); // 80,000,000 元 = 8,000.00 万元
    const second = rows()[1]!.textContent!;
    expect(second).toContain('无废城市项目库');
    expect(second).toContain('资源循环利用产业');
    expect(second).toContain('已出库');
    expect(second).toContain('台山市');
    for (const h of ['项目编号', '项目名称', '项目单位', '所属库', '所属区域', '绿色分类', '状态', '融资需求(万元)']) {
      expect(byText(h).length).toBeGreaterThan(0);
    }
    expect(document.body.textContent).toContain('共 120 个项目');
    expect(client.calls.find((c) => c.method === 'library.list')?.input).toEqual({ page: 1, pageSize: 50 });
    await waitFor(() => expect(document.querySelector('[data-testid="library-freshness"]')?.textContent).toBe('版本 42 · 3 天前同步'));
  });

  it('refetches from page 1 when a filter changes, and asks for the next page', async () => {
    const client = fakeClient({
      'library.list': (i) => ({ total: 120, page: i.page ?? 1, pageSize: 50, items: [summary(i.page ?? 1)] }),
    });
    await render(
      <ApiContext.Provider value={client}>
        <LibraryPage />
      </ApiContext.Provider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    await act(async () => useLibraryStore.getState().setPage(3));
    await waitFor(() => expect(client.calls.at(-1)?.input).toEqual({ page: 3, pageSize: 50 }));
    await act(async () => useLibraryStore.getState().setFilter('district', '鹤山市'));
    await waitFor(() => expect(client.calls.at(-1)?.input).toEqual({ page: 1, pageSize: 50, district: '鹤山市' }));
    await act(async () => useLibraryStore.getState().setFilter('district', undefined));
    await waitFor(() => expect(client.calls.at(-1)?.input).toEqual({ page: 1, pageSize: 50 }));
  });

  it('shows the message of an error envelope', async () => {
    const client = fakeClient({
      'library.list': () => {
        throw new ApiError({ code: 'DB_OPEN_FAILED', message: '无法打开数据库：demo.db' });
      },
    });
    await render(
      <ApiContext.Provider value={client}>
        <LibraryPage />
      </ApiContext.Provider>,
    );
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain('无法打开数据库：demo.db'));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('项目库加载失败');
    expect(useLibraryStore.getState().error).toBe('无法打开数据库：demo.db');
  });

  it('opens a drawer with library.get details when a row is clicked', async () => {
    const client = fakeClient({
      'library.list': () => ({ total: 1, page: 1, pageSize: 50, items: [summary(1)] }),
      'library.get': (i) => project(i.id),
    });
    await render(
      <ApiContext.Provider value={client}>
        <LibraryPage />
      </ApiContext.Provider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    await click(rows()[0]);
    await waitFor(() => expect(document.querySelector('.ant-drawer')?.textContent).toContain('市工业和信息化局'));
    const drawer = document.querySelector('.ant-drawer')!.textContent!;
    expect(client.calls.find((c) => c.method === 'library.get')?.input).toEqual({ id: 'JM-GP-2024-00001' });
    expect(drawer).toContain('91440705MA4UXXXX0X');
    expect(drawer).toContain('12,000.00'); // total investment in 万元
    expect(drawer).toContain('2024-03-01');
  });

  it('says the library is empty when nothing is imported', async () => {
    useStatusStore.setState({ info: { ...APP_INFO, library: null } });
    const client = fakeClient({ 'library.list': () => ({ total: 0, page: 1, pageSize: 50, items: [] }) });
    await render(
      <ApiContext.Provider value={client}>
        <LibraryPage />
      </ApiContext.Provider>,
    );
    await waitFor(() => expect(document.body.textContent).toContain('项目库为空'));
    expect(document.body.textContent).toContain('尚未导入项目库');
  });
});
