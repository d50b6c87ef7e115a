/** The 同步 page's status: network and hub, last rounds, what waits, the local library; and the actions. */
import { CloudDownloadOutlined, ExportOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Descriptions, Progress, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { base64ToBytes, saveFile } from '../files.js';
import { formatCount, formatDateTime } from '../format.js';
import { useAuthStore } from '../stores/auth.js';
import { useStatusStore } from '../stores/status.js';
import { useSyncStore } from '../stores/sync.js';
import { useUiStore } from '../stores/ui.js';

export function StatusCard() {
  const { t } = useTranslation();
  const client = useApi();
  const { message, modal } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const status = useSyncStore((s) => s.status);
  const jobId = useSyncStore((s) => s.jobId);
  const run = useSyncStore((s) => s.run);
  const online = useStatusStore((s) => s.online);
  const library = useStatusStore((s) => s.info?.library ?? null);
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const [exporting, setExporting] = useState(false);
  const none = t('hubsync.status.none');
  const busy = jobId !== null || status?.running === true;
  const p = status?.running ? status.progress : null;

  const start = async (kind: 'run' | 'redownload') => {
    const error = await run(client, kind);
    if (error) void message.error(t('hubsync.actions.syncFailed', { message: error }));
    else void message.success(t('hubsync.actions.syncDone'));
  };
  const confirmRedownload = () =>
    modal.confirm({
      title: t('hubsync.actions.redownloadTitle'),
      content: t('hubsync.actions.redownloadBody'),
      okText: t('hubsync.actions.redownloadOk'),
      cancelText: t('common.cancel'),
      onOk: () => void start('redownload'),
    });
  const exportFile = async () => {
    setExporting(true);
    try {
      const r = await client.call('sync.exportFile', {});
      saveFile(r.fileName, new Blob([base64ToBytes(r.contentBase64)], { type: 'application/json' }));
      void message.success(t('hubsync.actions.exported', { n: formatCount(r.entries, lang), file: r.fileName }));
    } catch (err) {
      void message.error(t('hubsync.actions.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setExporting(false);
    }
  };

  const reach = !online ? 'unreachable' : status?.reachable === null || status?.reachable === undefined ? 'notTried' : status.reachable ? 'reachable' : 'unreachable';
  return (
    <Card size="small" title={t('hubsync.status.title')} data-testid="sync-status">
      {p ? (
        <div data-testid="sync-progress" style={{ marginBottom: 12 }}>
          <div>{t(`hubsync.status.progress.${p.phase as 'connect' | 'library' | 'apply' | 'models' | 'push' | 'done'}`, { done: formatCount(p.done, lang), total: formatCount(p.total, lang) })}</div>
          <Progress percent={p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0} status="active" size="small" />
        </div>
      ) : null}
      {status?.pull && !status.running ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hubsync.status.pullInProgress', { received: formatCount(status.pull.received, lang), total: formatCount(status.pull.total ?? 0, lang), version: status.pull.toVersion })} />
      ) : null}
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'network', label: t('hubsync.status.network'), children: <Badge status={online ? 'success' : 'error'} text={online ? t('status.online') : t('status.offline')} /> },
          {
            key: 'hub',
            label: t('hubsync.status.hub'),
            children: <Badge status={reach === 'reachable' ? 'success' : reach === 'notTried' ? 'default' : 'error'} text={`${status?.hubUrl ?? none} · ${t(`hubsync.status.${reach}`)}`} />,
          },
          { key: 'last', label: t('hubsync.status.lastSync'), children: status?.lastRound ? `${formatDateTime(status.lastRound.at, lang)} · ${status.lastRound.ok ? t('hubsync.history.ok') : t('hubsync.history.failed')}` : none },
          { key: 'success', label: t('hubsync.status.lastSuccess'), children: status?.lastSuccessAt ? formatDateTime(status.lastSuccessAt, lang) : none },
          { key: 'pending', label: t('hubsync.status.pending'), children: <span data-testid="sync-pending">{formatCount(status?.outbox.pending ?? 0, lang)}</span> },
          { key: 'rejected', label: t('hubsync.status.rejected'), children: <span data-testid="sync-rejected" className={(status?.outbox.rejected ?? 0) > 0 ? 'gd-sync-reason' : ''}>{formatCount(status?.outbox.rejected ?? 0, lang)}</span> },
          { key: 'sent', label: t('hubsync.status.sent'), children: formatCount(status?.outbox.sent ?? 0, lang) },
          { key: 'next', label: t('hubsync.status.nextAuto'), children: status?.nextAutoAt ? formatDateTime(status.nextAutoAt, lang) : none },
          {
            key: 'library',
            label: t('hubsync.status.library'),
            children: <span data-testid="sync-library">{library ? t('hubsync.status.libraryLine', { version: library.version, source: t(`freshness.source_${library.source}`) }) : none}</span>,
          },
          ...(status?.lastRound && !status.lastRound.ok
            ? [{ key: 'error', label: t('hubsync.status.lastError'), span: 2, children: <span className="gd-sync-reason" data-testid="sync-last-error">{status.lastRound.errorMessage}</span> }]
            : []),
        ]}
      />
      <div className="gd-sync-actions">
        <Button type="primary" icon={<SyncOutlined spin={busy} />} loading={false} disabled={busy || !status?.enrolled} onClick={() => void start('run')} data-testid="sync-now">
          {t('hubsync.actions.syncNow')}
        </Button>
        <Tooltip title={isAdmin ? '' : t('hubsync.actions.adminOnly')}>
          <Button icon={<CloudDownloadOutlined />} disabled={busy || !status?.enrolled || !isAdmin} onClick={confirmRedownload} data-testid="sync-redownload">
            {t('hubsync.actions.redownload')}
          </Button>
        </Tooltip>
        <Tooltip title={t('hubsync.actions.exportHint')}>
          <Button icon={<ExportOutlined />} loading={exporting} disabled={(status?.outbox.pending ?? 0) === 0} onClick={() => void exportFile()} data-testid="sync-export">
            {t('hubsync.actions.exportFile')}
          </Button>
        </Tooltip>
      </div>
    </Card>
  );
}
