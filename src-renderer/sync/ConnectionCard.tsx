/** The hub's address and this device's enrolment (administrators), and what the device is. */
import { App, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { useAuthStore } from '../stores/auth.js';
import { useSyncStore } from '../stores/sync.js';

export function ConnectionCard() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const status = useSyncStore((s) => s.status);
  const loadStatus = useSyncStore((s) => s.loadStatus);
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'save' | 'enroll' | null>(null);
  const [error, setError] = useState<{ field: 'url' | 'code'; text: string } | null>(null);

  // The saved address fills the field once, when it first becomes known; later typing is the user's.
  const filled = useRef(false);
  useEffect(() => {
    if (status?.hubUrl && !filled.current) {
      filled.current = true;
      setUrl(status.hubUrl);
    }
  }, [status?.hubUrl]);

  const fail = (field: 'url' | 'code', err: unknown) => setError({ field, text: err instanceof Error ? err.message : String(err) });
  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      const r = await client.call('sync.configure', { hubUrl: url });
      setUrl(r.hubUrl);
      void message.success(t('hubsync.connection.saved'));
      await loadStatus(client);
    } catch (err) {
      fail('url', err);
    } finally {
      setBusy(null);
    }
  };
  const enroll = async () => {
    setBusy('enroll');
    setError(null);
    try {
      const d = await client.call('sync.enroll', { code, ...(url.trim() ? { hubUrl: url.trim() } : {}) });
      setCode('');
      void message.success(t('hubsync.connection.enrollDone', { bank: d.bank, branch: d.branch }));
      await loadStatus(client);
    } catch (err) {
      fail('code', err);
    } finally {
      setBusy(null);
    }
  };
  const none = t('hubsync.status.none');
  const device = status?.device ?? null;

  return (
    <Card size="small" title={t('hubsync.connection.title')} data-testid="sync-connection">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'branch',
            label: t('hubsync.connection.branch'),
            children: <span data-testid="sync-branch">{status?.enrolled && device ? t('hubsync.connection.enrolled', { bank: device.bank, branch: device.branch }) : t('hubsync.connection.notEnrolled')}</span>,
          },
          { key: 'name', label: t('hubsync.connection.deviceName'), children: status?.deviceName ?? none },
          { key: 'id', label: t('hubsync.connection.deviceId'), children: <span className="gd-mono">{status?.deviceId ?? none}</span> },
          { key: 'key', label: t('hubsync.connection.keyId'), children: <span className="gd-mono">{status?.keyId ?? none}</span> },
        ]}
      />
      {isAdmin ? (
        <Form layout="vertical" style={{ marginTop: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item
            label={t('hubsync.connection.hubUrl')}
            htmlFor="gd-hub-url"
            validateStatus={error?.field === 'url' ? 'error' : ''}
            help={error?.field === 'url' ? error.text : status?.enrolled ? t('hubsync.connection.changeWarning') : undefined}
          >
            <Input.Search
              id="gd-hub-url"
              value={url}
              placeholder={t('hubsync.connection.hubUrlPlaceholder')}
              onChange={(e) => setUrl(e.target.value)}
              enterButton={t('hubsync.connection.save')}
              loading={busy === 'save'}
              onSearch={() => void save()}
              data-testid="sync-hub-url"
            />
          </Form.Item>
          <Form.Item label={t('hubsync.connection.code')} htmlFor="gd-enroll-code" validateStatus={error?.field === 'code' ? 'error' : ''} help={error?.field === 'code' ? <span data-testid="sync-enroll-error">{error.text}</span> : undefined}>
            <Input.Search
              id="gd-enroll-code"
              value={code}
              placeholder={t('hubsync.connection.codePlaceholder')}
              onChange={(e) => setCode(e.target.value)}
              enterButton={t('hubsync.connection.enroll')}
              loading={busy === 'enroll'}
              disabled={busy !== null}
              onSearch={() => void enroll()}
              data-testid="sync-enroll-code"
            />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('hubsync.actions.adminOnly')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
