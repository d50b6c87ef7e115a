/** The 项目库 table's columns. */
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../shared/domain/project.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { STATUS_COLORS, useDomainLabels } from './labels.js';

export function useProjectColumns(): ColumnsType<ProjectSummary> {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  return [
    { key: 'id', dataIndex: 'id', title: t('library.col.id'), width: 150, render: (id: string) => <span className="gd-mono">{id}</span> },
    { key: 'name', dataIndex: 'name', title: t('library.col.name'), ellipsis: { showTitle: true }, width: '24%' },
    { key: 'owner', dataIndex: 'ownerName', title: t('library.col.owner'), ellipsis: { showTitle: true }, width: '20%' },
    { key: 'library', dataIndex: 'library', title: t('library.col.library'), width: 124, ellipsis: { showTitle: true }, render: (k: ProjectSummary['library']) => labels.library(k) },
    { key: 'district', dataIndex: 'district', title: t('library.col.district'), width: 86, ellipsis: { showTitle: true }, render: (d: ProjectSummary['district']) => labels.district(d) },
    { key: 'category', dataIndex: 'category', title: t('library.col.category'), ellipsis: { showTitle: true }, width: 150, render: (c: ProjectSummary['category']) => labels.category(c) },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('library.col.status'),
      width: 84,
      render: (s: ProjectSummary['status']) => (
        <Tag color={STATUS_COLORS[s]} variant="filled" style={{ marginInlineEnd: 0 }}>
          {labels.status(s)}
        </Tag>
      ),
    },
    {
      key: 'financingNeed',
      dataIndex: 'financingNeedFen',
      title: t('library.col.financingNeed'),
      align: 'right',
      width: 150,
      render: (fen: number) => <span className="gd-money">{formatWanYuan(fen)}</span>,
    },
  ];
}
