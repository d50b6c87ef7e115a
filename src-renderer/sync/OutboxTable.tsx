/**
 * The outbox, entry by entry: waiting, rejected (with the hub's reason and the field at fault, and a way to
 * resend once fixed), sent, or all. Newest work shows where it stands; nothing vanishes silently.
 */
import { Alert, App, Button, Card, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../shared/contract/methods/sync.js';
import { useApi } from '../api/client.js';
import { formatDateTime } from '../format.js';
import { useApplicationsStore } from '../stores/applications.js';
import { PAGE_SIZE, useSyncStore, type OutboxTab } from '../stores/sync.js';
import { useUiStore } from '../stores/ui.js';

const STATE_COLORS: Record<OutboxItemView['state'], string> = { pending: 'gold', sent: 'green', rejected: 'red', resent: 'default' };

export function OutboxTable() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const tab = useSyncStore((s) => s.tab);
  const page = useSyncStore((s) => s.page);
  const outbox = useSyncStore((s) => s.outbox);
  const error = useSyncStore((s) => s.outboxError);
  const counts = useSyncStore((s) => s.status?.outbox);
  const { setTab, setPage, loadOutbox, loadStatus } = useSyncStore.getState();

  useEffect(() => {
    void loadOutbox(client);
  }, [client, loadOutbox]);

  const resend = async (seq: number) => {
    try {
      const r = await client.call('sync.resend', { seq });
      void message.success(t('hubsync.outbox.resent', { seq: r.seq }));
      await Promise.all([loadOutbox(client), loadStatus(client)]);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  // The record behind a rejected entry, to fix it: the application's detail on the 授信申请 page.
  const openApplication = (id: string) => {
    const apps = useApplicationsStore.getState();
    apps.setView('list');
    apps.openDetail(id);
    useUiStore.getState().setPage('applications');
  };

  const tabs: OutboxTab[] = ['pending', 'rejected', 'sent', 'all'];
  const count = (k: OutboxTab) => (k === 'all' || !counts ? '' : ` (${counts[k]})`);
  return (
    <Card size="small" title={t('hubsync.outbox.title')} data-testid="sync-outbox">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => void setTab(client, k as OutboxTab)}
        items={tabs.map((k) => ({ key: k, label: `${t(`hubsync.outbox.tabs.${k}`)}${count(k)}` }))}
      />
      {tab === 'rejected' && (counts?.rejected ?? 0) > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('hubsync.outbox.resendHint')} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Table<OutboxItemView>
        size="small"
        rowKey="seq"
        dataSource={outbox?.items ?? []}
        locale={{ emptyText: t('hubsync.outbox.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: outbox?.total ?? 0, showSizeChanger: false, onChange: (p) => void setPage(client, p) }}
        onRow={(r) => ({ 'data-testid': 'outbox-row', 'data-state': r.state, 'data-seq': r.seq }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('hubsync.outbox.seq'), dataIndex: 'seq', width: 70 },
          { title: t('hubsync.outbox.kind'), dataIndex: 'kind', width: 100, render: (k: OutboxItemView['kind']) => t(`hubsync.outbox.kinds.${k}`) },
          {
            title: t('hubsync.outbox.record'),
            key: 'record',
            render: (_, r) => (
              <span>
                <Typography.Text>{r.label}</Typography.Text>
                <br />
                <Typography.Text type="secondary" className="gd-mono">{r.entityId}</Typography.Text>
              </span>
            ),
          },
          { title: t('hubsync.outbox.state'), dataIndex: 'state', width: 110, render: (s: OutboxItemView['state'], r) => <Tag color={STATE_COLORS[s]}>{t(`hubsync.outbox.states.${s}`)}{r.resentAs ? ` → #${r.resentAs}` : ''}</Tag> },
          {
            title: tab === 'rejected' ? t('hubsync.outbox.reason') : t('hubsync.outbox.lastError'),
            key: 'why',
            render: (_, r) =>
              r.state === 'rejected' ? (
                <span className="gd-sync-reason" data-testid="outbox-reason">
                  {r.rejectMessage} <Typography.Text type="secondary">({r.rejectCode}{r.rejectPath ? ` · ${t('hubsync.outbox.field', { path: r.rejectPath })}` : ''})</Typography.Text>
                </span>
              ) : (
                r.lastError ?? ''
              ),
          },
          { title: t('hubsync.outbox.attempts'), dataIndex: 'attempts', width: 80 },
          { title: t('hubsync.outbox.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v, lang) },
          { title: t('hubsync.outbox.sentAt'), dataIndex: 'sentAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v, lang) : '') },
          {
            title: t('hubsync.outbox.actions'),
            key: 'actions',
            width: 150,
            render: (_, r) =>
              r.state === 'rejected' ? (
                <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
                  {r.kind === 'application' ? (
                    <Button size="small" type="link" onClick={() => openApplication(r.entityId)} data-testid="outbox-open">
                      {t('hubsync.outbox.open')}
                    </Button>
                  ) : null}
                  <Tooltip title={t('hubsync.outbox.resendHint')}>
                    <Button size="small" onClick={() => void resend(r.seq)} data-testid="outbox-resend">
                      {t('hubsync.outbox.resend')}
                    </Button>
                  </Tooltip>
                </span>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
