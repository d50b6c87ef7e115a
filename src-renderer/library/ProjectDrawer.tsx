/** A project's details from 'library.get', in a side drawer. */
import { Alert, Descriptions, Drawer, Skeleton, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../shared/domain/project.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { useApi } from '../api/client.js';
import { formatQuantity } from '../format.js';
import { useUiStore } from '../stores/ui.js';
import { STATUS_COLORS, useDomainLabels } from './labels.js';

type Loaded = { id: string; project: Project | null; error: string | null };

export function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.call('library.get', { id }).then(
      (project) => live && setLoaded({ id, project, error: null }),
      (err: unknown) => live && setLoaded({ id, project: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  const current = loaded && loaded.id === id ? loaded : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={600}
      title={current?.project?.name ?? t('project.drawerTitle')}
      destroyOnHidden
    >
      {!current ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : current.error ? (
        <Alert type="error" showIcon title={t('project.loadError')} description={current.error} />
      ) : current.project ? (
        <ProjectDetails project={current.project} />
      ) : null}
    </Drawer>
  );
}

function ProjectDetails({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const lang = useUiStore((s) => s.lang);
  const q = (n: number) => formatQuantity(n, lang);
  const section = (title: string, items: DescriptionsProps['items']) => (
    <Descriptions title={title} size="small" bordered column={1} items={items} styles={{ label: { width: 170 } }} style={{ marginBottom: 16 }} />
  );
  return (
    <>
      {section(t('project.basics'), [
        { key: 'id', label: t('project.id'), children: <span className="gd-mono">{p.id}</span> },
        { key: 'name', label: t('project.name'), children: p.name },
        { key: 'library', label: t('project.library'), children: labels.library(p.library) },
        { key: 'owner', label: t('project.owner'), children: p.ownerName },
        { key: 'uscc', label: t('project.uscc'), children: <span className="gd-mono">{p.ownerUscc}</span> },
        { key: 'district', label: t('project.district'), children: labels.district(p.district) },
        { key: 'industry', label: t('project.industryCode'), children: <span className="gd-mono">{p.industryCode}</span> },
        { key: 'category', label: t('project.category'), children: labels.category(p.category) },
        {
          key: 'status',
          label: t('project.status'),
          children: (
            <Tag color={STATUS_COLORS[p.status]} variant="filled">
              {labels.status(p.status)}
            </Tag>
          ),
        },
      ])}
      {section(t('project.money'), [
        { key: 'total', label: t('project.totalInvestment'), children: <span className="gd-money">{formatWanYuan(p.totalInvestmentFen)}</span> },
        { key: 'need', label: t('project.financingNeed'), children: <span className="gd-money">{formatWanYuan(p.financingNeedFen)}</span> },
      ])}
      {section(t('project.benefits'), [
        { key: 'carbon', label: t('project.carbonReduction'), children: q(p.expectedBenefits.carbonReductionT) },
        { key: 'energy', label: t('project.energySaved'), children: q(p.expectedBenefits.energySavedTce) },
        { key: 'waste', label: t('project.wasteUtilized'), children: q(p.expectedBenefits.wasteUtilizedT) },
        { key: 'hazardous', label: t('project.hazardousDisposed'), children: q(p.expectedBenefits.hazardousDisposedT) },
      ])}
      {section(t('project.record'), [
        { key: 'dept', label: t('project.sourceDept'), children: p.sourceDept || t('common.none') },
        { key: 'listed', label: t('project.listedAt'), children: p.listedAt },
        { key: 'updated', label: t('project.updatedAt'), children: p.updatedAt },
        { key: 'version', label: t('project.libraryVersion'), children: p.libraryVersion },
      ])}
    </>
  );
}
