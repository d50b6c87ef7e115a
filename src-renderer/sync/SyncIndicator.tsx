/**
 * The sync indicator of the status bar, always visible: connected or offline, the last sync, entries waiting and
 * rejected, and a round's progress while one runs. A click (or Enter) opens the 同步 page.
 */
import { Badge, Tooltip } from 'antd';
import { CloudSyncOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useStatusStore } from '../stores/status.js';
import { useSyncStore } from '../stores/sync.js';
import { useUiStore } from '../stores/ui.js';
import { agoText } from './ago.js';

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const error = useSyncStore((s) => s.statusError);
  const online = useStatusStore((s) => s.online);
  const setPage = useUiStore((s) => s.setPage);

  let badge: 'success' | 'error' | 'warning' | 'default' | 'processing' = 'default';
  const parts: string[] = [];
  if (!status) parts.push(error ? t('hubsync.indicator.unknown') : t('hubsync.indicator.notConfigured'));
  else if (!status.hubUrl) parts.push(t('hubsync.indicator.notConfigured'));
  else if (!status.enrolled) parts.push(t('hubsync.indicator.notEnrolled'));
  else if (status.running) {
    badge = 'processing';
    const p = status.progress;
    parts.push(p && p.total > 0 ? t('hubsync.indicator.runningProgress', { done: p.done, total: p.total }) : t('hubsync.indicator.running'));
  } else {
    const reachable = online && status.reachable !== false;
    badge = reachable ? (status.lastRound && !status.lastRound.ok ? 'warning' : 'success') : 'error';
    parts.push(reachable ? t('hubsync.indicator.online') : t('hubsync.indicator.offline'));
    parts.push(status.lastSuccessAt ? t('hubsync.indicator.lastSync', { ago: agoText(status.lastSuccessAt, t) }) : t('hubsync.indicator.never'));
    if (status.lastRound && !status.lastRound.ok) parts.push(t('hubsync.indicator.failed'));
  }
  if (status && status.outbox.pending > 0) parts.push(t('hubsync.indicator.waiting', { n: status.outbox.pending }));
  const rejected = status?.outbox.rejected ?? 0;

  return (
    <Tooltip title={status?.lastRound?.errorMessage ?? t('hubsync.indicator.open')}>
      <button type="button" className="gd-statusbar-item gd-statusbar-button" data-testid="sync-indicator" aria-label={`${t('hubsync.indicator.label')}：${parts.join('，')}`} onClick={() => setPage('sync')}>
        {status?.running ? <SyncOutlined spin aria-hidden /> : <CloudSyncOutlined aria-hidden />}
        <Badge status={badge} />
        <span data-testid="sync-indicator-text">{parts.join(' · ')}</span>
        {rejected > 0 ? (
          <span className="gd-sync-rejected" data-testid="sync-indicator-rejected">
            {t('hubsync.indicator.rejected', { n: rejected })}
          </span>
        ) : null}
      </button>
    </Tooltip>
  );
}
