/**
 * 项目库: search as you type, filters, the whole result in one virtual table (smooth at 100,000 projects),
 * a project's details in a drawer, the library's freshness, import of a snapshot file and export of the list.
 */
import { ImportOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { formatCount } from '../format.js';
import { importPercent, useImporterStore } from '../stores/importer.js';
import { useLibraryStore } from '../stores/library.js';
import { useUiStore } from '../stores/ui.js';
import { PageHeader } from '../shell/PageHeader.js';
import { ExportButton } from './ExportButton.js';
import { Freshness } from './Freshness.js';
import { LibraryFilters } from './LibraryFilters.js';
import { LibraryTable } from './LibraryTable.js';
import { ProjectDrawer } from './ProjectDrawer.js';
import { SearchBox } from './SearchBox.js';

function ImportButton() {
  const { t } = useTranslation();
  const stage = useImporterStore((s) => s.stage);
  const percent = useImporterStore((s) => importPercent(s.progress, s.preview?.totalRows ?? 0));
  const openDialog = useImporterStore((s) => s.openDialog);
  const importing = stage === 'importing';
  return (
    <Button
      type="primary"
      icon={importing ? <LoadingOutlined /> : <ImportOutlined />}
      onClick={() => openDialog({ keep: importing })}
      data-testid="library-import"
    >
      {importing ? t('library.importing', { percent }) : t('library.import')}
    </Button>
  );
}

function ResultSummary() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const total = useLibraryStore((s) => s.total);
  const loaded = useLibraryStore((s) => s.loaded);
  const loading = useLibraryStore((s) => s.loading);
  const q = useLibraryStore((s) => s.q);
  return (
    <div className="gd-table-summary">
      <span className="gd-total" data-testid="library-total" aria-live="polite">
        {loaded ? t('library.total', { n: formatCount(total, lang) }) : '\u00a0'}
      </span>
      {q && loaded ? <span className="gd-summary-note">{t('library.byRelevance')}</span> : null}
      {loading && loaded ? <Spin size="small" /> : null}
      <span className="gd-summary-spacer" />
      <span className="gd-summary-hint" aria-hidden>
        {t('library.keyboardHint')}
      </span>
    </div>
  );
}

export function LibraryPage() {
  const { t } = useTranslation();
  const client = useApi();
  const filters = useLibraryStore((s) => s.filters);
  const q = useLibraryStore((s) => s.q);
  const error = useLibraryStore((s) => s.error);
  const load = useLibraryStore((s) => s.load);
  const [selected, setSelected] = useState<string | null>(null);
  const returnTo = useRef<number | null>(null);

  useEffect(() => {
    void load(client);
  }, [client, filters, q, load]);

  const onOpen = useCallback((id: string, from: HTMLElement | null) => {
    const index = from?.getAttribute('data-index');
    returnTo.current = index ? Number(index) : null;
    setSelected(id);
  }, []);

  // Esc or × gives the focus back to the row the drawer was opened from (once the drawer has let go of it).
  const restoreFocus = useCallback(() => {
    const index = returnTo.current;
    if (index === null) return;
    const attempt = (left: number) => {
      const active = document.activeElement;
      const free = !active || active === document.body || active.closest('.ant-drawer') !== null;
      if (!free) return;
      const row = document.querySelector<HTMLElement>(`[data-testid="library-table"] [data-index="${index}"]`);
      if (row && !row.closest('[inert]')) row.focus({ preventScroll: true });
      if (left > 0) setTimeout(() => attempt(left - 1), 150);
    };
    setTimeout(() => attempt(4), 0);
  }, []);

  const closeDrawer = useCallback(() => {
    setSelected(null);
    restoreFocus();
  }, [restoreFocus]);

  return (
    <section aria-labelledby="gd-page-library" className="gd-library">
      <PageHeader
        title={<span id="gd-page-library">{t('library.title')}</span>}
        subtitle={t('library.subtitle')}
        extra={
          <Space size={12} wrap>
            <Freshness />
            <ExportButton />
            <ImportButton />
          </Space>
        }
      />
      <Card variant="outlined" className="gd-library-card" styles={{ body: { padding: '12px 16px 12px' } }}>
        <div className="gd-filters" role="search" aria-label={t('library.filters')}>
          <SearchBox />
          <LibraryFilters />
        </div>
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
        <ResultSummary />
        <LibraryTable onOpen={onOpen} />
      </Card>
      <ProjectDrawer id={selected} onClose={closeDrawer} afterClose={restoreFocus} />
    </section>
  );
}
