/**
 * The root: antd in the UI language and theme, the API client (injectable for tests), and what the window shows:
 * the token page (browser mode without the run's token), the sign-in screen, or the shell — with the idle lock
 * laid over it.
 */
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../shared/contract/client.js';
import { api, ApiContext, guardSession, useApi } from './api/client.js';
import { LockScreen } from './auth/LockScreen.js';
import { SignInPage } from './auth/SignInPage.js';
import { AppShell } from './shell/AppShell.js';
import { TokenRequired } from './shell/TokenRequired.js';
import { useAuthStore } from './stores/auth.js';
import { useSessionStore } from './stores/session.js';
import { useUiStore } from './stores/ui.js';
import { theme } from './theme.js';
import './i18n.js';

export function App({ client = api }: { client?: ApiClient }) {
  const lang = useUiStore((s) => s.lang);
  const auth = useSessionStore((s) => s.auth);
  const guarded = useMemo(() => guardSession(client, () => useAuthStore.getState().expire()), [client]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiContext.Provider value={guarded}>{auth === 'ok' ? <SignedInGate /> : <TokenRequired reason={auth} />}</ApiContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Asks who is signed in, then shows the sign-in screen or the shell. */
function SignedInGate() {
  const { t } = useTranslation();
  const client = useApi();
  const phase = useAuthStore((s) => s.phase);
  const locked = useAuthStore((s) => s.locked);
  const error = useAuthStore((s) => s.error);
  const check = useAuthStore((s) => s.check);

  useEffect(() => {
    if (useAuthStore.getState().phase === 'checking') void check(client);
  }, [client, check]);

  if (phase === 'checking') {
    return (
      <main className="gd-fullpage">
        <Spin size="large" description={t('signin.checking')} />
      </main>
    );
  }
  if (phase === 'error') {
    return (
      <main className="gd-fullpage">
        <Result
          status="error"
          title={t('signin.statusError')}
          subTitle={error}
          extra={
            <Button type="primary" onClick={() => void check(client)}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    );
  }
  if (phase !== 'signedIn') return <SignInPage />;
  return (
    <>
      <div className="gd-shell-host" inert={locked}>
        <AppShell />
      </div>
      {locked ? <LockScreen /> : null}
    </>
  );
}
