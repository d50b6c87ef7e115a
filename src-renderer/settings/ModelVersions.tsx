/** The model versions of this database: which scoring model and post-loan rules are in use; admins choose. */
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { useApi } from '../api/client.js';
import { formatDateTime } from '../format.js';
import { useAuthStore } from '../stores/auth.js';
import { useUiStore } from '../stores/ui.js';

type Version = Output<'models.list'>['items'][number];

export function ModelVersions() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const lang = useUiStore((s) => s.lang);
  const isAdmin = useAuthStore((s) => s.user?.role === 'admin');
  const [items, setItems] = useState<Version[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    client.call('models.list', {}).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [client]);
  useEffect(load, [load]);

  const activate = async (id: string) => {
    try {
      await client.call('models.activate', { id });
      void message.success(t('pages.settings.activated', { id }));
      load();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Card variant="outlined" size="small" title={t('pages.settings.models')} data-testid="model-versions">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('pages.settings.modelsHint')}
      </Typography.Paragraph>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Table<Version>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        onRow={(r) => ({ 'data-testid': 'model-row', 'data-model': r.id }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('pages.settings.modelKindTitle'), dataIndex: 'kind', width: 110, render: (k: Version['kind']) => t(`pages.settings.modelKind.${k}`) },
          { title: t('pages.settings.modelId'), dataIndex: 'id', render: (id: string) => <span className="gd-mono">{id}</span> },
          { title: t('pages.settings.modelName'), dataIndex: 'name' },
          { title: t('pages.settings.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
          { title: t('pages.settings.modelSource'), key: 'source', width: 170, render: (_, r) => (r.builtIn ? t('pages.settings.builtIn') : t('pages.settings.added', { at: r.addedAt ? formatDateTime(r.addedAt, lang) : '' })) },
          {
            title: '',
            key: 'use',
            width: 120,
            render: (_, r) =>
              r.active ? (
                <Tag color="green">{t('pages.settings.inUse')}</Tag>
              ) : isAdmin ? (
                <Button size="small" onClick={() => void activate(r.id)} data-testid="model-use">
                  {t('pages.settings.use')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
