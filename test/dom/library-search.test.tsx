import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract/methods.js';
import { highlight } from '../../src-renderer/library/highlight.js';
import { LibraryPage } from '../../src-renderer/library/LibraryPage.js';
import { SEARCH_DEBOUNCE_MS } from '../../src-renderer/library/SearchBox.js';
import { useLibraryStore } from '../../src-renderer/stores/library.js';
import { fakeClient, summary } from './fake-client.js';
import { deferred, keyDown, listOf, renderWith, searchInput, tableRows, typeInto } from './library-helpers.js';
import { byText, click, flush, render, waitFor } from './render.js';

const NAMES = ['台山市光伏发电项目', '新会区光伏储能项目', '鹤山市污水处理厂提标改造', '江海区固废综合利用项目', '开平市光伏组件生产线'];
const make = (i: number) => summary(i + 1, { name: NAMES[i % NAMES.length]!, ownerName: `江门市第${i + 1}环保科技有限公司` });

function queries(client: ReturnType<typeof fakeClient>) {
  return client.calls.filter((c) => c.method === 'library.list').map((c) => c.input as Input<'library.list'>);
}

describe('search as you type', () => {
  it('waits ~200 ms after the last keystroke, then calls library.list with q once; shows the total and marks the text', async () => {
    const client = fakeClient({ 'library.list': listOf(5, make) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    expect(queries(client)).toHaveLength(1);

    await typeInto(searchInput(), '光');
    await flush(60);
    await typeInto(searchInput(), '光伏');
    await flush(SEARCH_DEBOUNCE_MS / 2);
    expect(queries(client)).toHaveLength(1); // nothing sent while typing
    await flush(SEARCH_DEBOUNCE_MS + 50);
    await waitFor(() => expect(queries(client)).toHaveLength(2));
    expect(queries(client)[1]).toEqual({ q: '光伏', page: 1, pageSize: 200 });
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    expect(document.querySelector('[data-testid="library-total"]')?.textContent).toBe('共 3 个项目');
    expect(document.body.textContent).toContain('按匹配程度排序');
    const marks = Array.from(document.querySelectorAll('[data-testid="library-table"] mark.gd-hit')).map((m) => m.textContent);
    expect(marks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(marks)).toEqual(new Set(['光伏']));

    // Enter searches at once; Esc clears.
    await typeInto(searchInput(), '污水');
    await keyDown(searchInput(), 'Enter');
    await flush(10);
    expect(queries(client).at(-1)).toEqual({ q: '污水', page: 1, pageSize: 200 });
    await keyDown(searchInput(), 'Escape');
    await flush(10);
    expect(searchInput().value).toBe('');
    expect(queries(client).at(-1)).toEqual({ page: 1, pageSize: 200 });
  });

  it('never lets a slow answer to an older query overwrite the newer one', async () => {
    const slow = deferred<Output<'library.list'>>();
    const client = fakeClient({
      'library.list': (i) => {
        if (i.q === '光') return slow.promise; // the first keystroke's answer comes last
        return listOf(5, make)(i);
      },
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    // Typed text and query together, as the box does, so its initial debounce cannot reset the query.
    const type = (q: string) => {
      useLibraryStore.getState().setSearchText(q);
      useLibraryStore.getState().setQuery(q);
    };
    await act(async () => type('光'));
    await act(async () => type('污水'));
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    expect(tableRows()[0]!.textContent).toContain('鹤山市污水处理厂提标改造');
    await act(async () => slow.resolve({ total: 4, page: 1, pageSize: 200, items: [make(0), make(1), make(3), make(4)] }));
    await flush(20);
    expect(tableRows()).toHaveLength(1);
    expect(useLibraryStore.getState().total).toBe(1);
    expect(document.querySelector('[data-testid="library-total"]')?.textContent).toBe('共 1 个项目');
  });

  it('does not search while an input method is composing (拼音), and does once the character is chosen', async () => {
    const client = fakeClient({ 'library.list': listOf(5, make) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    const input = searchInput();
    await act(async () => {
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    });
    await typeInto(input, 'guangfu');
    await flush(SEARCH_DEBOUNCE_MS + 80);
    expect(queries(client)).toHaveLength(1);
    await typeInto(input, '光伏');
    await act(async () => {
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '光伏' }));
    });
    await flush(SEARCH_DEBOUNCE_MS + 80);
    expect(queries(client).map((q) => q.q)).toEqual([undefined, '光伏']);
  });

  it('focuses the search box with Ctrl+K and with "/"', async () => {
    const client = fakeClient({ 'library.list': listOf(2, make) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(2));
    await act(async () => tableRows()[0]!.focus());
    await keyDown(tableRows()[0], 'k', { ctrlKey: true });
    expect(document.activeElement).toBe(searchInput());
    await act(async () => tableRows()[1]!.focus());
    await keyDown(tableRows()[1], '/');
    expect(document.activeElement).toBe(searchInput());
    // "/" typed inside an input is just a character.
    const other = document.querySelector<HTMLInputElement>('input[aria-label="行业代码前缀"]')!;
    await act(async () => other.focus());
    await keyDown(other, '/');
    expect(document.activeElement).toBe(other);
  });
});

describe('filters', () => {
  it('sends a valid industry-code prefix (upper case), refuses an invalid one with an explanation, and resets', async () => {
    const client = fakeClient({ 'library.list': listOf(5, make) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    const prefix = () => document.querySelector<HTMLInputElement>('input[aria-label="行业代码前缀"]')!;

    await typeInto(prefix(), 'c30');
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ industryPrefix: 'C30', page: 1, pageSize: 200 }));
    expect(prefix().getAttribute('aria-invalid')).toBe('false');

    const before = queries(client).length;
    for (const bad of ['C305XX', 'Z1', '3', 'C123456']) {
      await typeInto(prefix(), bad);
      await flush(20);
      expect(prefix().getAttribute('aria-invalid'), bad).toBe('true');
      expect(document.querySelector('#gd-prefix-error')?.textContent).toContain('门类字母 A–T');
    }
    expect(queries(client)).toHaveLength(before); // nothing invalid was sent
    expect(useLibraryStore.getState().filters.industryPrefix).toBe('C30');

    await typeInto(prefix(), 'D4415');
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ industryPrefix: 'D4415', page: 1, pageSize: 200 }));

    await typeInto(searchInput(), '光伏');
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ q: '光伏', industryPrefix: 'D4415', page: 1, pageSize: 200 }));
    await click(byText('重置')[0]?.closest('button'));
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ page: 1, pageSize: 200 }));
    expect(prefix().value).toBe('');
    expect(searchInput().value).toBe('');
  });

  it('refetches from the top when a filter changes', async () => {
    const client = fakeClient({ 'library.list': listOf(5, make) });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(5));
    await act(async () => useLibraryStore.getState().setFilter('district', '鹤山市'));
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ district: '鹤山市', page: 1, pageSize: 200 }));
    await act(async () => useLibraryStore.getState().setFilter('district', undefined));
    await waitFor(() => expect(queries(client).at(-1)).toEqual({ page: 1, pageSize: 200 }));
  });
});

describe('highlight', () => {
  it('marks every occurrence, case-insensitively, and leaves text without a match alone', async () => {
    await render(<p data-testid="h">{highlight('JM-GP-2024-00001 光伏 gp 光伏', 'gp')}</p>);
    expect(Array.from(document.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['GP', 'gp']);
    expect(document.querySelector('[data-testid="h"]')?.textContent).toBe('JM-GP-2024-00001 光伏 gp 光伏');
    expect(highlight('江门', '光伏')).toBe('江门');
    expect(highlight('江门', '  ')).toBe('江门');
  });
});
