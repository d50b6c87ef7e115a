/** 同步: the hub connection (not built yet): the current network state and the empty state. */
import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../shell/ComingSoon.js';
import { useStatusStore } from '../stores/status.js';

export function SyncPage() {
  const { t } = useTranslation();
  const online = useStatusStore((s) => s.online);
  return (
    <ComingSoon page="sync">
      <Card variant="outlined" size="small" title={t('pages.sync.current')} style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'network',
              label: t('pages.sync.network'),
              children: <Badge status={online ? 'success' : 'error'} text={online ? t('status.online') : t('status.offline')} />,
            },
            { key: 'server', label: t('pages.sync.server'), children: <Badge status="default" text={t('status.hubNotConnected')} /> },
          ]}
        />
      </Card>
    </ComingSoon>
  );
}
