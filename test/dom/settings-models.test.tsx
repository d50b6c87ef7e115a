// 设置 → 模型版本: the versions this database knows and the one in use; an administrator chooses another.
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract/methods.js';
import { App } from '../../src-renderer/App.js';
import { useUiStore } from '../../src-renderer/stores/ui.js';
import { APP_INFO, OFFICER, fakeClient } from './fake-client.js';
import { click, render, waitFor } from './render.js';

const ADMIN = { id: 4, username: 'admin', displayName: '系统管理员', role: 'admin' as const };

function versions(active: string): Output<'models.list'> {
  return {
    items: [
      { id: 'jm-green-2026.1', kind: 'scoring', name: '江门市差别化绿色定价默认模型 2026.1', effectiveFrom: '2026-01-01', active: active === 'jm-green-2026.1', builtIn: true, addedAt: null },
      { id: 'jmrcb-2027.1', kind: 'scoring', name: '某农商行绿色定价模型 2027.1', effectiveFrom: '2027-01-01', active: active === 'jmrcb-2027.1', builtIn: false, addedAt: '2026-11-30T02:00:00.000Z' },
      { id: 'jm-postloan-2026.1', kind: 'postloan', name: '江门市绿色贷款贷后资金用途检查默认规则 2026.1', effectiveFrom: '2026-01-01', active: true, builtIn: true, addedAt: null },
    ],
  };
}

const row = (id: string) => document.querySelector(`[data-testid="model-row"][data-model="${id}"]`);

describe('model versions in 设置', () => {
  it('shows the versions with the one in use; an administrator makes another the one in use', async () => {
    let active = 'jm-green-2026.1';
    const client = fakeClient({
      'auth.status': () => ({ needsSetup: false, user: ADMIN }),
      'app.info': () => APP_INFO,
      'models.list': () => versions(active),
      'models.activate': ({ id }) => {
        active = id;
        return { id, kind: 'scoring' };
      },
    });
    useUiStore.setState({ page: 'settings' });
    await render(<App client={client} />);
    await waitFor(() => expect(row('jmrcb-2027.1')).not.toBeNull());
    expect(row('jm-green-2026.1')!.textContent).toContain('当前');
    expect(row('jm-green-2026.1')!.textContent).toContain('内置');
    expect(row('jmrcb-2027.1')!.textContent).toContain('添加于');
    await click(row('jmrcb-2027.1')!.querySelector('[data-testid="model-use"]'));
    await waitFor(() => expect(row('jmrcb-2027.1')!.textContent).toContain('当前'));
    expect(client.calls.find((c) => c.method === 'models.activate')?.input).toEqual({ id: 'jmrcb-2027.1' });
  });

  it('a loan officer sees them but cannot choose', async () => {
    useUiStore.setState({ page: 'settings' });
    await render(<App client={fakeClient({ 'auth.status': () => ({ needsSetup: false, user: OFFICER }), 'app.info': () => APP_INFO, 'models.list': () => versions('jm-green-2026.1') })} />);
    await waitFor(() => expect(row('jmrcb-2027.1')).not.toBeNull());
    expect(document.querySelector('[data-testid="model-use"]')).toBeNull();
  });
});
