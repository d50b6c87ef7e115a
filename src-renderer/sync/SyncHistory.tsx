/** The last rounds: when, how started, whether they went through, and what they moved. */
import { Card, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { useApi } from '../api/client.js';
import { formatDateTime } from '../format.js';
import { useSyncStore } from '../stores/sync.js';
import { useUiStore } from '../stores/ui.js';

type Item = Output<'sync.history'>['items'][number];

function summaryOf(s: unknown): { library: string; pushed: number } {
  const r = (s ?? {}) as { library?: { outcome?: string; to?: number } | null; push?: { applied?: number; rejected?: number } | null };
  return { library: r.library?.to !== undefined ? `v${r.library.to}` : '—', pushed: (r.push?.applied ?? 0) + (r.push?.rejected ?? 0) };
}

export function SyncHistory() {
  const { t } = useTranslation();
  const client = useApi();
  const lang = useUiStore((s) => s.lang);
  const last = useSyncStore((s) => s.status?.lastRound?.at ?? null);
  const [items, setItems] = useState<Item[]>([]);

  useEffect(() => {
    client.call('sync.history', { limit: 10 }).then((r) => setItems(r.items), () => setItems([]));
  }, [client, last]);

  return (
    <Card size="small" title={t('hubsync.history.title')} data-testid="sync-history">
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('hubsync.history.empty') }}
        renderItem={(i) => (
          <List.Item>
            <Typography.Text>{formatDateTime(i.finishedAt, lang)}</Typography.Text>
            <Tag>{t(`hubsync.history.trigger.${i.trigger as 'manual'}`, { defaultValue: i.trigger })}</Tag>
            {i.ok ? <Tag color="green">{t('hubsync.history.ok')}</Tag> : <Tag color="red">{t('hubsync.history.failed')}</Tag>}
            <Typography.Text type={i.ok ? 'secondary' : 'danger'}>{i.ok ? t('hubsync.history.summary', summaryOf(i.summary)) : i.errorMessage}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
