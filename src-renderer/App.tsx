/** The root: antd in the UI language and theme, the API client (injectable for tests), and the shell. */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ApiClient } from '../shared/contract/client.js';
import { api, ApiContext } from './api/client.js';
import { AppShell } from './shell/AppShell.js';
import { TokenRequired } from './shell/TokenRequired.js';
import { useSessionStore } from './stores/session.js';
import { useUiStore } from './stores/ui.js';
import { theme } from './theme.js';
import './i18n.js';

export function App({ client = api }: { client?: ApiClient }) {
  const lang = useUiStore((s) => s.lang);
  const auth = useSessionStore((s) => s.auth);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiContext.Provider value={client}>{auth === 'ok' ? <AppShell /> : <TokenRequired reason={auth} />}</ApiContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
