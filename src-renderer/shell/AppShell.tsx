/** The window: header (name, language), side navigation, the current page, the status bar, and the library import. */
import { Layout } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { ImportDialog } from '../library/import/ImportDialog.js';
import { ImportNotifier } from '../library/import/ImportNotifier.js';
import { useIdleLock } from '../auth/LockScreen.js';
import { UserMenu } from '../auth/UserMenu.js';
import { useStatusStore, watchOnline } from '../stores/status.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NavMenu } from './NavMenu.js';
import { PageOutlet } from './PageOutlet.js';
import { StatusBar } from './StatusBar.js';
import { useSyncWatch } from '../sync/useSyncWatch.js';

export function AppShell() {
  const { t } = useTranslation();
  const client = useApi();
  const loadInfo = useStatusStore((s) => s.loadInfo);

  useIdleLock();
  useSyncWatch();
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
        <UserMenu />
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
      {/* The import outlives the page it started on: its dialog and notifications belong to the window. */}
      <ImportDialog />
      <ImportNotifier />
    </Layout>
  );
}
