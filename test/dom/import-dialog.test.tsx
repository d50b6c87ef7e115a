import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.js';
import { STAGE_CHUNK_BYTES } from '../../shared/contract/methods/files.js';
import type { JobState } from '../../shared/contract/methods/jobs.js';
import type { ImportResult } from '../../shared/contract/methods/library.js';
import type { Handlers } from './fake-client.js';
import { ImportDialog } from '../../src-renderer/library/import/ImportDialog.js';
import { ImportNotifier } from '../../src-renderer/library/import/ImportNotifier.js';
import { importPercent, stageFile, useImporterStore, type ImportPreview } from '../../src-renderer/stores/importer.js';
import { APP_INFO, fakeClient, summary } from './fake-client.js';
import { renderWith } from './library-helpers.js';
import { byText, click, waitFor } from './render.js';

const STAGED = 'a'.repeat(32);

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    fileName: 'jm-library-v43.csv',
    format: 'csv',
    version: 43,
    issuer: '江门市金融工作局',
    issuedAt: '2026-11-20',
    localVersion: 42,
    totalRows: 1002,
    validRows: 1000,
    sample: [summary(1), summary(2), summary(3)],
    rejected: [
      { row: 7, field: '统一社会信用代码', code: 'USCC_CHECK_DIGIT', message: '统一社会信用代码校验位错误：91440705MA4UXXXX0Y' },
      { row: 19, field: '所属区域', code: 'UNKNOWN_DISTRICT', message: '所属区域不是江门市的区县：广州市' },
    ],
    rejectedTotal: 2,
    ...over,
  };
}

const RESULT: ImportResult = {
  inserted: 12,
  updated: 30,
  unchanged: 958,
  withdrawn: 5,
  rejected: preview().rejected,
  version: 43,
};

/** A fake service for the whole flow: staging (bytes kept), preview, a job that runs for a few polls. */
function service(over: Handlers = {}, jobSteps: JobState[] = defaultJob()) {
  const received: { offset: number; bytes: number }[] = [];
  let size = 0;
  let polls = 0;
  const client = fakeClient({
    'app.info': () => APP_INFO,
    'library.list': (i) => ({ total: 0, page: i.page ?? 1, pageSize: 200, items: [] }),
    'files.stageBegin': () => ({ stagedId: STAGED }),
    'files.stageChunk': (i) => {
      const bytes = atob(i.dataBase64).length;
      if (i.offset !== size) throw new ApiError({ code: 'STAGE_OFFSET', message: `offset ${i.offset} != ${size}` });
      received.push({ offset: i.offset, bytes });
      size += bytes;
      return { received: size };
    },
    'files.stageEnd': () => ({ stagedId: STAGED, name: 'jm-library-v43.csv', size, sha256: 'f'.repeat(64) }),
    'library.importPreview': () => preview(),
    'library.importStart': () => ({ jobId: 'job-1' }),
    'jobs.get': () => jobSteps[Math.min(polls++, jobSteps.length - 1)]!,
    ...over,
  });
  return { client, received, polls: () => polls };
}

function defaultJob(): JobState[] {
  const base = { id: 'job-1', kind: 'library.import' };
  return [
    { ...base, state: 'running', progress: { phase: 'validate', done: 1000, total: 0 } },
    { ...base, state: 'running', progress: { phase: 'write', done: 500, total: 1000 } },
    { ...base, state: 'done', progress: { phase: 'done', done: 1000, total: 1000 }, result: RESULT },
  ];
}

async function openWith(client: ReturnType<typeof fakeClient>) {
  await renderWith(
    client,
    <>
      <ImportDialog />
      <ImportNotifier />
    </>,
  );
  await act(async () => useImporterStore.getState().openDialog());
  await waitFor(() => expect(document.querySelector('.ant-modal')?.textContent).toContain('导入项目库快照'));
}

/** Picks a file through the dialog's file input, as the file chooser would. */
async function pick(file: File) {
  const input = document.querySelector<HTMLInputElement>('.ant-modal input[type="file"]');
  if (!input) throw new Error('no file input');
  expect(input.getAttribute('accept')).toBe('.json,.csv,.xlsx');
  await act(async () => {
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const modal = () => document.querySelector<HTMLElement>('.ant-modal')!;
const confirmButton = () => document.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]')!;

describe('import dialog', () => {
  it('stages the file in ≤ 4 MiB chunks at sequential offsets, then previews it', async () => {
    const { client, received } = service();
    const bytes = new Uint8Array(2 * STAGE_CHUNK_BYTES + 1234);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    const file = new File([bytes], 'jm-library-v43.csv', { type: 'text/csv' });
    const progress: number[] = [];
    const id = await stageFile(client, file, (n) => progress.push(n));
    expect(id).toBe(STAGED);
    expect(client.calls[0]).toEqual({ method: 'files.stageBegin', input: { name: 'jm-library-v43.csv', size: bytes.length } });
    expect(received).toEqual([
      { offset: 0, bytes: STAGE_CHUNK_BYTES },
      { offset: STAGE_CHUNK_BYTES, bytes: STAGE_CHUNK_BYTES },
      { offset: 2 * STAGE_CHUNK_BYTES, bytes: 1234 },
    ]);
    expect(progress).toEqual([STAGE_CHUNK_BYTES, 2 * STAGE_CHUNK_BYTES, bytes.length]);
    expect(client.calls.at(-1)).toEqual({ method: 'files.stageEnd', input: { stagedId: STAGED } });
    // The bytes arrive intact (base64 of the right slice).
    const chunk = client.calls.find((c) => c.method === 'files.stageChunk' && (c.input as { offset: number }).offset === STAGE_CHUNK_BYTES)!;
    const back = atob((chunk.input as { dataBase64: string }).dataBase64);
    expect(back.charCodeAt(0)).toBe(bytes[STAGE_CHUNK_BYTES]);
    expect(back.charCodeAt(4096)).toBe(bytes[STAGE_CHUNK_BYTES + 4096]);
  });

  it('shows the preview: file, format, versions, issuer, rows, the first rows and the rejected rows with reasons', async () => {
    const { client } = service();
    await openWith(client);
    await pick(new File(['版本号,43\r\n'], 'jm-library-v43.csv', { type: 'text/csv' }));
    await waitFor(() => expect(document.querySelector('[data-testid="import-preview"]')).not.toBeNull());
    expect(client.calls.find((c) => c.method === 'library.importPreview')?.input).toEqual({ stagedId: STAGED });
    const text = modal().textContent!;
    expect(text).toContain('jm-library-v43.csv');
    expect(text).toContain('CSV');
    expect(document.querySelector('[data-testid="import-version"]')?.textContent).toBe('43（本机 42）');
    expect(text).toContain('江门市金融工作局');
    expect(text).toContain('2026-11-20');
    expect(document.querySelector('[data-testid="import-rows"]')?.textContent).toBe('共 1,002 行：合格 1,000 行，不合格 2 行');
    expect(text).toContain('有 2 行不合格');
    // The rejected rows are shown first (there are some), with 行 / 字段 / 代码 / 原因.
    const rejected = document.querySelector('[data-testid="rejected-rows"]')!;
    for (const h of ['行', '字段', '代码', '原因']) expect(byText(h, rejected).length).toBeGreaterThan(0);
    const rows = Array.from(rejected.querySelectorAll('tbody tr.ant-table-row')).map((r) => r.textContent);
    expect(rows).toEqual([
      '7统一社会信用代码USCC_CHECK_DIGIT统一社会信用代码校验位错误：91440705MA4UXXXX0Y',
      '19所属区域UNKNOWN_DISTRICT所属区域不是江门市的区县：广州市',
    ]);
    // The sample tab lists the first valid rows.
    await click(byText('预览（前 3 行）')[0]);
    await waitFor(() => expect(document.querySelectorAll('[data-testid="sample-rows"] tbody tr.ant-table-row')).toHaveLength(3));
    expect(document.querySelector('[data-testid="sample-rows"]')?.textContent).toContain('新会区光伏储能项目1');
  });

  it('with bad rows, confirm waits for 跳过不合格行; then imports, polls the job to the end and shows the result', async () => {
    const { client, polls } = service();
    await openWith(client);
    await pick(new File(['x'], 'jm-library-v43.csv'));
    await waitFor(() => expect(confirmButton()).not.toBeNull());
    expect(confirmButton().disabled).toBe(true);
    expect(document.querySelector('[data-testid="import-blocked"]')?.textContent).toBe('文件有 2 行不合格：勾选“跳过不合格行”后才能导入其余各行');
    const skip = document.querySelector<HTMLInputElement>('[data-testid="skip-invalid"] input, input[type="checkbox"]')!;
    expect(skip.disabled).toBe(false);
    await click(skip);
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    expect(confirmButton().textContent).toBe('导入 1,000 行');
    expect(document.querySelector('[data-testid="import-blocked"]')?.textContent).toBe('');

    await click(confirmButton());
    expect(client.calls.find((c) => c.method === 'library.importStart')?.input).toEqual({ stagedId: STAGED, skipInvalid: true });
    await waitFor(() => expect(document.querySelector('[data-testid="import-progress"]')?.textContent).toContain('写入数据库'), 3000);
    expect(document.querySelector('[data-testid="import-progress"]')?.textContent).toContain('500 / 1,000');
    await waitFor(() => expect(document.querySelector('[data-testid="import-result"]')).not.toBeNull(), 3000);
    expect(polls()).toBe(3);
    expect(client.calls.filter((c) => c.method === 'jobs.get').every((c) => (c.input as { jobId: string }).jobId === 'job-1')).toBe(true);
    const result = document.querySelector('[data-testid="import-result"]')!;
    expect(result.textContent).toContain('导入完成：项目库已更新到版本 43');
    const stat = (k: string) => document.querySelector(`[data-testid="import-stat-${k}"]`)?.textContent;
    expect(stat('inserted')).toBe('12新增');
    expect(stat('updated')).toBe('30更新');
    expect(stat('unchanged')).toBe('958未变');
    expect(stat('withdrawn')).toBe('5出库');
    expect(stat('skipped')).toBe('2跳过');
    // The library list and the status (version, freshness) are refreshed.
    await waitFor(() => expect(client.calls.some((c) => c.method === 'library.list')).toBe(true));
    expect(client.calls.some((c) => c.method === 'app.info')).toBe(true);
  });

  it('without bad rows, 跳过不合格行 is disabled with an explanation and confirm is enabled', async () => {
    const { client } = service({ 'library.importPreview': () => preview({ rejected: [], rejectedTotal: 0, validRows: 1002 }) });
    await openWith(client);
    await pick(new File(['x'], 'snapshot.json'));
    await waitFor(() => expect(confirmButton()).not.toBeNull());
    expect(confirmButton().disabled).toBe(false);
    expect(confirmButton().textContent).toBe('确认导入');
    expect(document.querySelector<HTMLInputElement>('input[type="checkbox"]')!.disabled).toBe(true);
    expect(modal().textContent).toContain('文件中没有不合格行，无需跳过');
  });

  it('warns that an older file will be refused and a same-version file changes nothing', async () => {
    const older = service({ 'library.importPreview': () => preview({ version: 40, rejected: [], rejectedTotal: 0 }) });
    await openWith(older.client);
    await pick(new File(['x'], 'old.xlsx'));
    await waitFor(() => expect(confirmButton()).not.toBeNull());
    expect(modal().textContent).toContain('快照版本早于本机项目库，导入将被拒绝');
    expect(modal().textContent).toContain('SNAPSHOT_OLDER');
    expect(confirmButton().disabled).toBe(true);
    expect(document.querySelector('[data-testid="import-blocked"]')?.textContent).toBe('文件版本早于本机项目库版本，不能导入');

    await act(async () => useImporterStore.getState().reset());
    const same = service({ 'library.importPreview': () => preview({ version: 42, rejected: [], rejectedTotal: 0 }) });
    await act(async () => useImporterStore.getState().pickFile(same.client, new File(['x'], 'same.csv')));
    await waitFor(() => expect(modal().textContent).toContain('版本相同：导入不会改变任何数据'));
    expect(confirmButton().disabled).toBe(false);
  });

  it('refuses a file of another type or over 200 MB before uploading anything', async () => {
    const { client } = service();
    await openWith(client);
    await pick(new File(['x'], 'notes.docx'));
    await waitFor(() => expect(document.querySelector('.ant-modal [role="alert"]')?.textContent).toContain('不支持的文件类型：notes.docx'));
    const big = new File(['x'], 'big.csv');
    Object.defineProperty(big, 'size', { value: 201 * 1024 * 1024 });
    await pick(big);
    await waitFor(() => expect(document.querySelector('.ant-modal [role="alert"]')?.textContent).toContain('文件过大（201.0 MB），上限为 200 MB'));
    expect(client.calls.some((c) => c.method === 'files.stageBegin')).toBe(false);
    expect(useImporterStore.getState().stage).toBe('pick');
  });

  it('shows the message of an error envelope from the preview, and from a failed job with its rejected rows', async () => {
    const bad = service({
      'library.importPreview': () => {
        throw new ApiError({ code: 'SNAPSHOT_NO_VERSION', message: '快照缺少版本号（版本号）' });
      },
    });
    await openWith(bad.client);
    await pick(new File(['x'], 'noversion.csv'));
    await waitFor(() => expect(document.querySelector('[data-testid="import-error"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('无法读取该文件');
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('快照缺少版本号（版本号）');
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('SNAPSHOT_NO_VERSION');

    const failing = service({}, [
      {
        id: 'job-1',
        kind: 'library.import',
        state: 'failed',
        progress: { phase: 'validate', done: 1002, total: 0 },
        error: { code: 'INVALID_ROWS', message: '有 2 行数据不合格，未导入任何数据（可使用“跳过不合格行”）' },
      },
    ]);
    await act(async () => useImporterStore.getState().pickFile(failing.client, new File(['x'], 'jm-library-v43.csv')));
    await act(async () => useImporterStore.getState().setSkipInvalid(true));
    await act(async () => useImporterStore.getState().confirm(failing.client));
    await waitFor(() => expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('有 2 行数据不合格'));
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain('导入失败，项目库未作任何改动');
    expect(document.querySelectorAll('[data-testid="rejected-rows"] tbody tr.ant-table-row')).toHaveLength(2);
    // Back to the preview of the same file.
    await click(byText('返回预览')[0]?.closest('button'));
    await waitFor(() => expect(document.querySelector('[data-testid="import-preview"]')).not.toBeNull());
  });

  it('closing the dialog mid-import does not stop it: a notification shows the progress, then the result', async () => {
    const base = { id: 'job-1', kind: 'library.import' };
    const steps: JobState[] = [
      ...Array.from({ length: 4 }, (_, i): JobState => ({ ...base, state: 'running', progress: { phase: 'write', done: 200 * (i + 1), total: 1000 } })),
      { ...base, state: 'done', progress: { phase: 'done', done: 1000, total: 1000 }, result: { ...RESULT, rejected: [] } },
    ];
    const { client } = service({ 'library.importPreview': () => preview({ rejected: [], rejectedTotal: 0 }) }, steps);
    await openWith(client);
    await pick(new File(['x'], 'jm-library-v43.csv'));
    await waitFor(() => expect(confirmButton()?.disabled).toBe(false));
    await click(confirmButton());
    await waitFor(() => expect(document.querySelector('[data-testid="import-progress"]')).not.toBeNull());
    await click(byText('在后台继续')[0]?.closest('button'));
    expect(useImporterStore.getState().open).toBe(false);
    expect(useImporterStore.getState().stage).toBe('importing');
    await waitFor(() => expect(document.querySelector('[data-testid="import-notification"]')).not.toBeNull(), 3000);
    expect(document.body.textContent).toContain('正在导入项目库');
    await waitFor(() => expect(document.body.textContent).toContain('项目库导入完成'), 4000);
    expect(document.body.textContent).toContain('版本 43：新增 12，更新 30，未变 958，出库 5，跳过 0');
    expect(useImporterStore.getState().stage).toBe('done');
  });

  it('computes an overall percentage from the job phases', () => {
    expect(importPercent(null, 100)).toBe(0);
    expect(importPercent({ phase: 'read', done: 0, total: 0 }, 100)).toBe(3);
    expect(importPercent({ phase: 'validate', done: 50, total: 0 }, 100)).toBe(18);
    expect(importPercent({ phase: 'write', done: 500, total: 1000 }, 100)).toBe(65);
    expect(importPercent({ phase: 'done', done: 1000, total: 1000 }, 100)).toBe(100);
  });
});
