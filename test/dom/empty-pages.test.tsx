import { describe, expect, it } from 'vitest';
import { App } from '../../src-renderer/App.js';
import { useUiStore, type PageKey } from '../../src-renderer/stores/ui.js';
import { APP_INFO, fakeClient } from './fake-client.js';
import { render, waitFor } from './render.js';

const client = () => fakeClient({ 'app.info': () => APP_INFO });

const CASES: [PageKey, string, string][] = [
  ['exports', '报送导出', '报送导出功能即将上线'],
];

describe('pages not built yet', () => {
  for (const [page, title, empty] of CASES) {
    it(`${page}: a title and an explained empty state`, async () => {
      useUiStore.setState({ page });
      await render(<App client={client()} />);
      expect(document.querySelector('h1')?.textContent).toBe(title);
      expect(document.querySelector('.ant-empty')?.textContent).toContain(empty);
      expect(document.body.textContent).toContain('即将上线');
      expect(document.querySelectorAll('.gd-coming-soon li').length).toBeGreaterThan(1);
    });
  }

  it('the same in English', async () => {
    useUiStore.setState({ page: 'exports', lang: 'en' });
    await render(<App client={client()} />);
    expect(document.querySelector('h1')?.textContent).toBe('Exports');
    expect(document.body.textContent).toContain('coming soon');
  });

  it('settings shows the language choice and app/db info', async () => {
    useUiStore.setState({ page: 'settings' });
    await render(<App client={client()} />);
    await waitFor(() => expect(document.body.textContent).toContain('demo.db'));
    const text = document.body.textContent!;
    expect(text).toContain('界面语言');
    expect(text).toContain('English');
    expect(text).toContain('0.1.0');
    expect(text).toContain('江门市金融工作局');
    expect(text).toContain('演示数据');
  });
});
