import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { LibraryPage } from '../../src-renderer/library/LibraryPage.js';
import { useLibraryStore } from '../../src-renderer/stores/library.js';
import { fakeClient } from './fake-client.js';
import { listOf, renderWith, tableRows } from './library-helpers.js';
import { byText, click, waitFor } from './render.js';

const CSV = '\uFEFF版本号,42,发布日期,2026-11-01,发布单位,江门市金融工作局\r\n项目编号,所属库\r\n';

describe('export', () => {
  const downloads: { download: string; href: string; blob: Blob | undefined }[] = [];
  const blobs = new Map<string, Blob>();
  beforeEach(() => {
    downloads.length = 0;
    let n = 0;
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => {
        const url = `blob:test/${++n}`;
        blobs.set(url, b);
        return url;
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ download: this.download, href: this.href, blob: blobs.get(this.getAttribute('href') ?? '') });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  async function exportAs(label: string) {
    await click(document.querySelector('[data-testid="library-export"]'));
    await waitFor(() => expect(byText(label).length).toBeGreaterThan(0));
    await click(byText(label)[0]);
  }

  it('exports the current search and filters and downloads the file under the name the service gives', async () => {
    const client = fakeClient({
      'library.list': listOf(3),
      'library.export': (i) => ({
        fileName: `项目库-v42-2026-11-23.${i.format}`,
        mimeType: i.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        contentBase64: btoa(unescape(encodeURIComponent(CSV))),
        rows: 3,
      }),
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(3));
    await act(async () => {
      // As typing would: the box's text and the query (the box's pending debounce then agrees with it).
      useLibraryStore.getState().setSearchText('光伏');
      useLibraryStore.getState().setQuery('光伏');
      useLibraryStore.getState().setFilter('district', '新会区');
    });

    await exportAs('CSV 文件（.csv）');
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(client.calls.find((c) => c.method === 'library.export')?.input).toEqual({ q: '光伏', district: '新会区', format: 'csv' });
    expect(downloads[0]!.download).toBe('项目库-v42-2026-11-23.csv');
    expect(downloads[0]!.blob?.type).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await downloads[0]!.blob!.arrayBuffer())).toBe(CSV);
    expect(document.querySelector('a[download]')).toBeNull(); // the temporary link is gone
    await waitFor(() => expect(document.body.textContent).toContain('已导出 3 个项目：项目库-v42-2026-11-23.csv'));

    await exportAs('Excel 表格（.xlsx）');
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.download).toBe('项目库-v42-2026-11-23.xlsx');
    expect(client.calls.filter((c) => c.method === 'library.export').at(-1)?.input).toEqual({ q: '光伏', district: '新会区', format: 'xlsx' });
  });

  it('says why an export failed', async () => {
    const client = fakeClient({
      'library.list': listOf(1),
      'library.export': () => {
        throw new ApiError({ code: 'INTERNAL', message: '内部错误，请重试或联系管理员' });
      },
    });
    await renderWith(client, <LibraryPage />);
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    await exportAs('CSV 文件（.csv）');
    await waitFor(() => expect(document.body.textContent).toContain('导出失败：内部错误，请重试或联系管理员'));
    expect(downloads).toHaveLength(0);
  });
});
