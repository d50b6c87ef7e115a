/** 项目库: the local library, paged from the database ('library.list'), filters, and a project's details. */
import { Alert, Button, Card, Empty, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { formatCount } from '../format.js';
import { LIBRARY_PAGE_SIZE, useLibraryStore } from '../stores/library.js';
import { useStatusStore } from '../stores/status.js';
import { useUiStore } from '../stores/ui.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useProjectColumns } from './columns.js';
import { Freshness } from './Freshness.js';
import { LibraryFilters } from './LibraryFilters.js';
import { ProjectDrawer } from './ProjectDrawer.js';

/** The table body fills the window so that the pager stays in view (header, filters, pager and status bar above/below). */
const TABLE_BODY_HEIGHT = 'calc(100vh - 318px)';

export function LibraryPage() {
  const { t } = useTranslation();
  const client = useApi();
  const lang = useUiStore((s) => s.lang);
  const { filters, page, items, total, loading, error, load, setPage } = useLibraryStore();
  const libraryImported = useStatusStore((s) => (s.info ? s.info.library !== null : true));
  const columns = useProjectColumns();
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    void load(client);
  }, [client, filters, page, load]);

  const filtered = Object.keys(filters).length > 0;
  return (
    <section aria-labelledby="gd-page-library">
      <PageHeader title={<span id="gd-page-library">{t('library.title')}</span>} subtitle={t('library.subtitle')} extra={<Freshness />} />
      <Card variant="outlined" styles={{ body: { padding: '12px 16px 4px' } }}>
        <LibraryFilters />
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={t('library.loadError')}
            description={error}
            action={
              <Button size="small" onClick={() => void load(client)}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <Table
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={loading}
          tableLayout="fixed"
          scroll={{ x: 1000, y: TABLE_BODY_HEIGHT }}
          rowClassName={() => 'gd-table-row'}
          onRow={(record) => ({
            tabIndex: 0,
            title: t('library.openHint'),
            onClick: () => setSelected(record.id),
            onKeyDown: (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setSelected(record.id);
              }
            },
          })}
          locale={{
            emptyText: error ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.loadFailed')} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered || libraryImported ? t('library.empty') : t('library.emptyLibrary')} />
            ),
          }}
          pagination={{
            current: page,
            pageSize: LIBRARY_PAGE_SIZE,
            total,
            showSizeChanger: false,
            showQuickJumper: total > LIBRARY_PAGE_SIZE * 5,
            showTotal: (n) => t('library.total', { n: formatCount(n, lang) }),
            onChange: (p) => setPage(p),
            size: 'small',
          }}
        />
      </Card>
      <ProjectDrawer id={selected} onClose={() => setSelected(null)} />
    </section>
  );
}
