/**
 * The sign-in screen (user name + password, Enter submits), or on a database without any account the form that
 * creates the first administrator. On a demo database a discreet hint lists the demo accounts.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { LanguageSwitch } from '../shell/LanguageSwitch.js';
import { useAuthStore } from '../stores/auth.js';
import { useStatusStore } from '../stores/status.js';
import './auth.css';

/** The accounts `greendesk demo` creates (src-main/services/demo-seed.ts) and their one password. */
const DEMO_ACCOUNTS = [
  ['zhangwei', 'loan_officer'],
  ['lina', 'approver'],
  ['wangfang', 'compliance'],
  ['admin', 'admin'],
] as const;
const DEMO_PASSWORD = 'greendesk2026';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="gd-auth">
      <div className="gd-auth-lang">
        <LanguageSwitch />
      </div>
      <div className="gd-auth-card">
        <div className="gd-auth-brand">
          <span className="gd-brand-mark" aria-hidden>
            绿
          </span>
          <div>
            <div className="gd-auth-brand-name">{t('app.name')}</div>
            <div className="gd-auth-brand-sub">{t('signin.tagline')}</div>
          </div>
        </div>
        {children}
      </div>
      <div className="gd-auth-footer">{t('signin.footer')}</div>
    </main>
  );
}

export function SignInPage() {
  const phase = useAuthStore((s) => s.phase);
  return <AuthFrame>{phase === 'setup' ? <SetupForm /> : <LoginForm />}</AuthFrame>;
}

function LoginForm() {
  const { t } = useTranslation();
  const client = useApi();
  const login = useAuthStore((s) => s.login);
  const notice = useAuthStore((s) => s.notice);
  const info = useStatusStore((s) => s.info);
  const loadInfo = useStatusStore((s) => s.loadInfo);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadInfo(client);
  }, [client, loadInfo]);

  const submit = async () => {
    setTried(true);
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      await login(client, username, password);
    } catch (err) {
      setError(errorText(err));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const demo = info?.library?.source === 'demo';
  return (
    <>
      <Typography.Title level={1} className="gd-auth-title">
        {t('signin.title')}
      </Typography.Title>
      {notice && !error ? (
        <Alert className="gd-auth-alert" type={notice === 'expired' ? 'warning' : 'success'} showIcon title={t(`signin.notice.${notice}`)} />
      ) : null}
      {error ? <Alert className="gd-auth-alert" type="error" showIcon title={error} role="alert" /> : null}
      <Form layout="vertical" component="form" onFinish={() => void submit()} requiredMark={false}>
        <Form.Item
          label={t('signin.username')}
          htmlFor="gd-signin-username"
          validateStatus={tried && !username.trim() ? 'error' : undefined}
          help={tried && !username.trim() ? t('signin.required.username') : undefined}
        >
          <Input
            id="gd-signin-username"
            size="large"
            name="username"
            autoComplete="username"
            autoFocus
            prefix={<UserOutlined aria-hidden />}
            placeholder={t('signin.usernamePlaceholder')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Form.Item>
        <Form.Item
          label={t('signin.password')}
          htmlFor="gd-signin-password"
          validateStatus={tried && !password ? 'error' : undefined}
          help={tried && !password ? t('signin.required.password') : undefined}
        >
          <Input.Password
            ref={(el) => {
              passwordRef.current = el?.input ?? null;
            }}
            id="gd-signin-password"
            size="large"
            name="password"
            autoComplete="current-password"
            prefix={<LockOutlined aria-hidden />}
            placeholder={t('signin.passwordPlaceholder')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t('signin.submit')}
        </Button>
      </Form>
      {demo ? (
        <div className="gd-auth-demo" data-testid="demo-accounts">
          <div className="gd-auth-demo-title">{t('signin.demo.title')}</div>
          <div>{t('signin.demo.body', { password: DEMO_PASSWORD })}</div>
          <div className="gd-auth-demo-accounts">
            {DEMO_ACCOUNTS.map(([name, role]) => (
              <Tag
                key={name}
                className="gd-auth-demo-tag"
                role="button"
                tabIndex={0}
                onClick={() => {
                  setUsername(name);
                  passwordRef.current?.focus();
                }}
              >
                <span className="gd-mono">{name}</span> · {t(`signin.roles.${role}`)}
              </Tag>
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const client = useApi();
  const setup = useAuthStore((s) => s.setup);
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const problems = {
    username: !username.trim() ? t('signin.required.username') : null,
    password: !password ? t('signin.required.password') : password.length < 8 ? t('signin.setup.tooShort') : null,
    confirm: confirm !== password ? t('signin.setup.mismatch') : null,
  };
  const submit = async () => {
    setTried(true);
    if (problems.username || problems.password || problems.confirm) return;
    setBusy(true);
    setError(null);
    try {
      await setup(client, { username, displayName: displayName || username, password });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const status = (p: string | null) => (tried && p ? { validateStatus: 'error' as const, help: p } : {});
  return (
    <>
      <Typography.Title level={1} className="gd-auth-title">
        {t('signin.setup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('signin.setup.body')}</Typography.Paragraph>
      {error ? <Alert className="gd-auth-alert" type="error" showIcon title={error} role="alert" /> : null}
      <Form layout="vertical" component="form" onFinish={() => void submit()} requiredMark={false}>
        <Form.Item label={t('signin.username')} htmlFor="gd-setup-username" {...status(problems.username)}>
          <Input id="gd-setup-username" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('signin.setup.displayName')} htmlFor="gd-setup-name">
          <Input id="gd-setup-name" name="displayName" placeholder={t('signin.setup.displayNamePlaceholder')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('signin.password')} htmlFor="gd-setup-password" extra={tried && problems.password ? undefined : t('signin.setup.passwordHint')} {...status(problems.password)}>
          <Input.Password id="gd-setup-password" name="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('signin.setup.confirm')} htmlFor="gd-setup-confirm" {...status(problems.confirm)}>
          <Input.Password id="gd-setup-confirm" name="confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signin.setup.submit')}
        </Button>
      </Form>
    </>
  );
}
