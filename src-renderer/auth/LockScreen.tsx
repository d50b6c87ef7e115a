/**
 * The idle lock: after IDLE_LOCK_MS without mouse or keyboard activity the app is covered (the shell underneath
 * stays mounted and inert, so nothing typed is lost) until the user's password is entered again (auth.unlock).
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { useAuthStore } from '../stores/auth.js';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the screen after `idleMs` without activity; returns nothing, runs while mounted. */
export function useIdleLock(): void {
  const idleMs = useAuthStore((s) => s.idleMs);
  const lock = useAuthStore((s) => s.lock);
  useEffect(() => {
    let last = Date.now();
    const bump = () => {
      if (!useAuthStore.getState().locked) last = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, bump, { capture: true, passive: true });
    const timer = window.setInterval(
      () => {
        if (!useAuthStore.getState().locked && Date.now() - last >= idleMs) lock();
      },
      Math.max(20, Math.min(5000, Math.floor(idleMs / 4))),
    );
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, bump, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMs, lock]);
}

export function LockScreen() {
  const { t } = useTranslation();
  const client = useApi();
  const user = useAuthStore((s) => s.user);
  const idleMs = useAuthStore((s) => s.idleMs);
  const unlock = useAuthStore((s) => s.unlock);
  const logout = useAuthStore((s) => s.logout);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!password) {
      setError(t('signin.required.password'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(client, password);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gd-lock" role="dialog" aria-modal="true" aria-labelledby="gd-lock-title">
      <div className="gd-lock-card">
        <div className="gd-lock-icon" aria-hidden>
          <LockOutlined />
        </div>
        <Typography.Title level={2} id="gd-lock-title" className="gd-lock-title">
          {t('signin.lock.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="gd-lock-body">
          {t('signin.lock.body', { name: user?.displayName ?? '', minutes: Math.max(1, Math.round(idleMs / 60000)) })}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12, textAlign: 'left' }} /> : null}
        <Form component="form" onFinish={() => void submit()}>
          <Input.Password
            size="large"
            autoFocus
            name="unlock-password"
            autoComplete="current-password"
            aria-label={t('signin.password')}
            placeholder={t('signin.lock.placeholder', { user: user?.username ?? '' })}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="primary" htmlType="submit" size="large" block loading={busy} style={{ marginTop: 12 }}>
            {t('signin.lock.submit')}
          </Button>
        </Form>
        <Button type="link" size="small" style={{ marginTop: 8 }} onClick={() => void logout(client)}>
          {t('signin.lock.switchUser')}
        </Button>
      </div>
    </div>
  );
}
