/**
 * The 项目库 table's columns over the virtual list's rows (a project, or a placeholder while its page loads). The
 * search text is marked in the ID, name and owner cells. The first cell of every rendered row reports the row to
 * `track` while it is on screen: that is how the table knows which pages to fetch, however the user scrolled.
 */
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWanYuan } from '../../shared/domain/money.js';
import type { LibraryRow } from '../stores/library.js';
import { highlight } from './highlight.js';
import { domainLabels, STATUS_COLORS, type DomainLabels } from './labels.js';

/** Registers a rendered row index; returns the unregister. */
export type RowTracker = (index: number) => () => void;

function Tracked({ index, track, children }: { index: number; track: RowTracker; children: ReactNode }) {
  useEffect(() => track(index), [index, track]);
  return <>{children}</>;
}

function Skeleton({ width }: { width: string }) {
  return <span className="gd-cell-skeleton" style={{ width }} aria-hidden />;
}

/** The sum of the column widths; the table stretches them to the window's width. */
export const COLUMNS_WIDTH = 1080;

/** The columns in the UI language, rebuilt only when the language, the search text or the tracker change. */
export function useProjectColumns(q: string, track: RowTracker): ColumnsType<LibraryRow> {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => projectColumns(t, domainLabels(lang), q, track), [t, lang, q, track]);
}

export function projectColumns(t: TFunction, labels: DomainLabels, q: string, track: RowTracker): ColumnsType<LibraryRow> {
  const text = (value: string, mark: boolean) => (
    <span className="gd-cell-text" title={value}>
      {mark ? highlight(value, q) : value}
    </span>
  );
  return [
    {
      key: 'id',
      title: t('library.col.id'),
      ellipsis: true,
      width: 146,
      render: (_: unknown, row: LibraryRow) => (
        <Tracked index={row.index} track={track}>
          {row.project ? <span className="gd-mono">{highlight(row.project.id, q)}</span> : <Skeleton width="80%" />}
        </Tracked>
      ),
    },
    {
      key: 'name',
      title: t('library.col.name'),
      ellipsis: true,
      width: 230,
      render: (_: unknown, row: LibraryRow) => (row.project ? text(row.project.name, true) : <Skeleton width="90%" />),
    },
    {
      key: 'owner',
      title: t('library.col.owner'),
      ellipsis: true,
      width: 196,
      render: (_: unknown, row: LibraryRow) => (row.project ? text(row.project.ownerName, true) : <Skeleton width="75%" />),
    },
    {
      key: 'library',
      title: t('library.col.library'),
      ellipsis: true,
      width: 108,
      render: (_: unknown, row: LibraryRow) => (row.project ? text(labels.library(row.project.library), false) : <Skeleton width="70%" />),
    },
    {
      key: 'district',
      title: t('library.col.district'),
      ellipsis: true,
      width: 78,
      render: (_: unknown, row: LibraryRow) => (row.project ? text(labels.district(row.project.district), false) : <Skeleton width="60%" />),
    },
    {
      key: 'category',
      title: t('library.col.category'),
      ellipsis: true,
      width: 138,
      render: (_: unknown, row: LibraryRow) => (row.project ? text(labels.category(row.project.category), false) : <Skeleton width="70%" />),
    },
    {
      key: 'status',
      title: t('library.col.status'),
      ellipsis: true,
      width: 72,
      render: (_: unknown, row: LibraryRow) =>
        row.project ? (
          <Tag color={STATUS_COLORS[row.project.status]} variant="filled" style={{ marginInlineEnd: 0 }}>
            {labels.status(row.project.status)}
          </Tag>
        ) : (
          <Skeleton width="70%" />
        ),
    },
    {
      key: 'financingNeed',
      title: t('library.col.financingNeed'),
      ellipsis: true,
      align: 'right',
      width: 112,
      render: (_: unknown, row: LibraryRow) =>
        row.project ? <span className="gd-money">{formatWanYuan(row.project.financingNeedFen)}</span> : <Skeleton width="60%" />,
    },
  ];
}
