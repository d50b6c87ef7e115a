/** The window: header (name, language), side navigation, the current page, and the status bar. */
import { Layout } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { useStatusStore, watchOnline } from '../stores/status.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NavMenu } from './NavMenu.js';
import { PageOutlet } from './PageOutlet.js';
import { StatusBar } from './StatusBar.js';

export function AppShell() {
  const { t } = useTranslation();
  const client = useApi();
  const loadInfo = useStatusStore((s) => s.loadInfo);

  useEffect(() => watchOnline(), []);
  useEffect(() => {
    void loadInfo(client);
  }, [client, loadInfo]);

  return (
    <Layout className="gd-shell">
      <Layout.Header className="gd-header">
        <div className="gd-brand">
          <span className="gd-brand-mark" aria-hidden>
            绿
          </span>
          <span className="gd-brand-name">{t('app.name')}</span>
          <span className="gd-brand-region">{t('app.region')}</span>
        </div>
        <span className="gd-header-spacer" />
        <LanguageSwitch />
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider className="gd-sider" width={212} theme="light">
          <NavMenu />
        </Layout.Sider>
        <Layout.Content className="gd-content">
          <div className="gd-page">
            <PageOutlet />
          </div>
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ padding: 0 }}>
        <StatusBar />
      </Layout.Footer>
    </Layout>
  );
}
