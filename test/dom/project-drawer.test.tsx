import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/domain/project.js';
import { LibraryPage } from '../../src-renderer/library/LibraryPage.js';
import { useApplicationDraftStore } from '../../src-renderer/stores/applicationDraft.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { fakeClient, project } from './fake-client.js';
import { listOf, renderWith, tableRows } from './library-helpers.js';
import { click, waitFor } from './render.js';

function versions(id: string) {
  const v42: Project = project(id);
  const v43: Project = { ...v42, name: '新会区光伏储能项目（一期）', libraryVersion: 43, updatedAt: '2026-10-25' };
  const v44: Project = {
    ...v43,
    status: 'under_construction',
    financingNeedFen: 9_000_000_000,
    expectedBenefits: { ...v43.expectedBenefits, carbonReductionT: 15000 },
    libraryVersion: 44,
    updatedAt: '2026-11-01',
  };
  return {
    current: v44,
    history: [
      { libraryVersion: 44, changed: ['financingNeedFen', 'expectedBenefits', 'status', 'updatedAt'], project: v44 },
      { libraryVersion: 43, changed: ['name', 'updatedAt'], project: v43 },
      { libraryVersion: 42, changed: [], project: v42 },
    ],
  };
}

async function openDrawer() {
  const client = fakeClient({
    'library.list': listOf(3),
    'library.get': (i) => versions(i.id).current,
    'library.history': (i) => ({ items: versions(i.id).history }),
  });
  await renderWith(client, <LibraryPage />);
  await waitFor(() => expect(tableRows()).toHaveLength(3));
  await click(tableRows()[0]);
  await waitFor(() => expect(document.querySelectorAll('[data-testid="history-item"]')).toHaveLength(3));
  return client;
}

describe('project drawer', () => {
  it('shows every field with its Chinese name, money in 万元, the benefits and the source department', async () => {
    await openDrawer();
    const text = document.querySelector('.ant-drawer')!.textContent!;
    for (const label of ['项目编号', '项目名称', '所属库', '项目单位', '统一社会信用代码', '所属区域', '行业代码', '绿色分类', '状态',
      '总投资(万元)', '融资需求(万元)', '碳减排量(吨)', '节能量(吨标煤)', '固废综合利用量(吨)', '危废处置量(吨)', '推荐部门', '入库日期', '更新日期', '库版本']) {
      expect(text, label).toContain(label);
    }
    expect(text).toContain('12,000.00'); // 总投资 120,000,000 元
    expect(text).toContain('9,000.00'); // 融资需求
    expect(text).toContain('15,000'); // 碳减排量
    expect(text).toContain('市工业和信息化局');
    expect(text).toContain('D4416');
    expect(text).toContain('能源绿色低碳转型');
  });

  it('lists the versions newest first with what changed, old → new, by the Chinese field names', async () => {
    const client = await openDrawer();
    expect(client.calls.find((c) => c.method === 'library.history')?.input).toEqual({ id: 'JM-GP-2024-00001' });
    const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="history-item"]'));
    expect(items.map((i) => i.querySelector('strong')?.textContent)).toEqual(['版本 44', '版本 43', '版本 42']);
    const v44 = items[0]!;
    expect(v44.textContent).toContain('当前');
    const changes = Array.from(v44.querySelectorAll('li')).map((li) => li.textContent);
    expect(changes).toContain('融资需求(万元)8,000.00→9,000.00');
    expect(changes).toContain('碳减排量(吨)12,000→15,000');
    expect(changes).toContain('状态已入库→在建');
    expect(changes).toContain('更新日期2026-10-25→2026-11-01');
    expect(changes.some((c) => c?.includes('节能量'))).toBe(false); // benefits that did not change are not listed
    expect(Array.from(items[1]!.querySelectorAll('li')).map((li) => li.textContent)).toContain('项目名称新会区光伏储能项目1→新会区光伏储能项目（一期）');
    expect(items[2]!.textContent).toContain('首次入库');
    expect(items[2]!.querySelectorAll('li')).toHaveLength(0);
  });

  it('发起授信申请 keeps the project in the application draft and opens 授信申请', async () => {
    await openDrawer();
    const button = document.querySelector<HTMLButtonElement>('[data-testid="start-application"]')!;
    expect(button.textContent).toBe('发起授信申请');
    await click(button);
    expect(useApplicationDraftStore.getState().project).toEqual({
      id: 'JM-GP-2024-00001',
      name: '新会区光伏储能项目（一期）',
      ownerName: '江门市绿源能源有限公司1',
      ownerUscc: '91440705MA4UXXXX0X',
      district: '新会区',
      industryCode: 'D4416',
      category: 'energy_transition',
    });
    expect(useUiStore.getState().page).toBe('applications');
    expect(JSON.parse(sessionStorage.getItem('greendesk.applicationDraft') ?? '{}').state.project.id).toBe('JM-GP-2024-00001');
    await waitFor(() => expect(document.querySelector('.ant-drawer-open')).toBeNull());
  });
});
