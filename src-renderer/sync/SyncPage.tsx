/** 同步: the status and actions, the hub connection and enrolment, the outbox per entry, the last rounds. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useSyncStore } from '../stores/sync.js';
import { ConnectionCard } from './ConnectionCard.js';
import { OutboxTable } from './OutboxTable.js';
import { StatusCard } from './StatusCard.js';
import { SyncHistory } from './SyncHistory.js';

export function SyncPage() {
  const { t } = useTranslation();
  const client = useApi();
  const loadStatus = useSyncStore((s) => s.loadStatus);
  useEffect(() => {
    void loadStatus(client);
  }, [client, loadStatus]);
  return (
    <section aria-labelledby="gd-page-sync">
      <PageHeader title={<span id="gd-page-sync">{t('hubsync.title')}</span>} subtitle={t('hubsync.subtitle')} />
      <div className="gd-sync-grid">
        <StatusCard />
        <ConnectionCard />
      </div>
      <OutboxTable />
      <div style={{ marginTop: 12 }}>
        <SyncHistory />
      </div>
    </section>
  );
}
