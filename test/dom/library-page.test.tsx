import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { LibraryPage } from '../../src-renderer/library/LibraryPage.js';
import { LIBRARY_PAGE_SIZE, useLibraryStore } from '../../src-renderer/stores/library.js';
import { useStatusStore } from '../../src-renderer/stores/status.js';
import { APP_INFO, fakeClient, project, summary } from './fake-client.js';
import { keyDown, listOf, renderWith, tableRows } from './library-helpers.js';
import { byText, click, flush, waitFor } from './render.js';

const listCalls = (client: ReturnType<typeof fakeClient>) => client.calls.filter((c) => c.method === 'library.list').map((c) => c.input);

describe('LibraryPage', () => {
  it('renders the first rows from library.list with Chinese labels, the total and the freshness', async () => {
    useStatusStore.setState({ info: APP_INFO });
    const client = fakeClient({
      'library.list': (i) => ({
        total: 2,
        page: i.page ?? 1,
        pageSize: i.pageSize ?? 50,
        items: [summary(1), summary(2, { library: 'waste_free', category: 'resource_recycling', status: 'withdrawn', district: '台山市' })],
      }),
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    const first = tableRows()[0]!.textContent!;
    expect(first).toContain('JM-GP-2024-00001');
    expect(first).toContain('新会区光伏储能项目1');
    expect(first).toContain('绿色项目库');
    expect(first).toContain('能源绿色低碳转型');
    expect(first).toContain('已入库');
    expect(first).toContain('8,000.00'); // 80,000,000 元 = 8,000.00 万元
    const second = tableRows()[1]!.textContent!;
    expect(second).toContain('无废城市项目库');
    expect(second).toContain('资源循环利用产业');
    expect(second).toContain('已出库');
    expect(second).toContain('台山市');
    for (const h of ['项目编号', '项目名称', '项目单位', '所属库', '所属区域', '绿色分类', '状态', '融资需求(万元)']) {
      expect(byText(h).length).toBeGreaterThan(0);
    }
    expect(document.querySelector('[data-testid="library-total"]')?.textContent).toBe('共 2 个项目');
    expect(listCalls(client)[0]).toEqual({ page: 1, pageSize: LIBRARY_PAGE_SIZE });
    expect(document.querySelector('[data-testid="library-freshness"]')?.textContent).toBe('版本 42 · 3 天前同步');
    expect(document.querySelector('[data-testid="library-freshness"]')?.getAttribute('data-stale')).toBe('false');
  });

  it('is one virtual list over the whole result: only the rows on screen exist, pages load as they come into view', async () => {
    const client = fakeClient({ 'library.list': listOf(100_000) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(document.querySelector('[data-testid="library-total"]')?.textContent).toBe('共 100,000 个项目'));
    expect(useLibraryStore.getState().rows).toHaveLength(100_000);
    // Only a screenful of rows is in the DOM.
    expect(tableRows().length).toBeGreaterThan(5);
    expect(tableRows().length).toBeLessThan(40);
    // Rows far down are placeholders until their page is asked for; asking loads exactly the pages needed.
    const row = (i: number) => useLibraryStore.getState().rows[i]!;
    expect(row(450).project).toBeNull();
    await act(async () => useLibraryStore.getState().ensureRange(client, 420, 460));
    await waitFor(() => expect(row(450).project?.id).toBe('JM-GP-2024-00451'));
    expect(listCalls(client).map((c) => (c as { page: number }).page)).toEqual([1, 3]);
    // A page already there is not asked for again.
    await act(async () => useLibraryStore.getState().ensureRange(client, 0, 10));
    await flush(20);
    expect(listCalls(client)).toHaveLength(2);
  });

  it('shows the message of an error envelope, with a retry', async () => {
    let fail = true;
    const client = fakeClient({
      'library.list': (i) => {
        if (fail) throw new ApiError({ code: 'DB_OPEN_FAILED', message: '无法打开数据库：demo.db' });
        return { total: 1, page: i.page ?? 1, pageSize: 200, items: [summary(1)] };
      },
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain('无法打开数据库：demo.db'));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('项目库加载失败');
    expect(useLibraryStore.getState().error).toBe('无法打开数据库：demo.db');
    fail = false;
    await click(byText('重试')[0]?.closest('button'));
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('opens the drawer with library.get details on click and on Enter; Esc closes it', async () => {
    const client = fakeClient({
      'library.list': listOf(3),
      'library.get': (i) => project(i.id),
      'library.history': (i) => ({ items: [{ libraryVersion: 42, changed: [], project: project(i.id) }] }),
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    await click(tableRows()[0]);
    await waitFor(() => expect(document.querySelector('.ant-drawer')?.textContent).toContain('市工业和信息化局'));
    const drawer = document.querySelector('.ant-drawer')!.textContent!;
    expect(client.calls.find((c) => c.method === 'library.get')?.input).toEqual({ id: 'JM-GP-2024-00001' });
    expect(drawer).toContain('91440705MA4UXXXX0X');
    expect(drawer).toContain('12,000.00'); // total investment in 万元
    expect(drawer).toContain('2024-03-01');
    await keyDown(document.querySelector('.ant-drawer-content, .ant-drawer-section') ?? document.activeElement, 'Escape');
    await waitFor(() => expect(document.querySelector('.ant-drawer-open')).toBeNull());

    // Keyboard: Enter on the second row opens that project.
    await keyDown(tableRows()[1], 'Enter');
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'library.get').at(-1)?.input).toEqual({ id: 'JM-GP-2024-00002' }));
  });

  it('moves the focus between rows with the arrow keys', async () => {
    const client = fakeClient({ 'library.list': listOf(5) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    await act(async () => tableRows()[0]!.focus());
    await keyDown(tableRows()[0], 'ArrowDown');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-index')).toBe('1'));
    await keyDown(document.activeElement, 'ArrowDown');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-index')).toBe('2'));
    await keyDown(document.activeElement, 'ArrowUp');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-index')).toBe('1'));
  });

  it('says the library is empty when nothing is imported', async () => {
    useStatusStore.setState({ info: { ...APP_INFO, library: null } });
    const client = fakeClient({ 'library.list': () => ({ total: 0, page: 1, pageSize: 200, items: [] }) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(document.body.textContent).toContain('项目库为空'));
    expect(document.body.textContent).toContain('尚未导入项目库');
  });

  it('turns the freshness badge orange with an explanation past 90 days', async () => {
    useStatusStore.setState({ info: { ...APP_INFO, library: { ...APP_INFO.library!, syncedAt: new Date(Date.now() - 120 * 86_400_000).toISOString() } } });
    const client = fakeClient({ 'library.list': listOf(0) });
    await renderWith(client, <LibraryPage />);
    const badge = document.querySelector<HTMLElement>('[data-testid="library-freshness"]')!;
    expect(badge.textContent).toBe('版本 42 · 120 天前同步');
    expect(badge.getAttribute('data-stale')).toBe('true');
    expect(badge.className).toContain('gd-freshness-stale');
    await act(async () => {
      badge.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      badge.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false }));
      badge.dispatchEvent(new FocusEvent('focus'));
    });
    await waitFor(() => expect(document.body.textContent).toContain('超过 90 天'), 2000);
    expect(document.body.textContent).toContain('STALE_LIBRARY');
  });
});
