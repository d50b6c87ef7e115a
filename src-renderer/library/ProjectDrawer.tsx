/**
 * A project's details from 'library.get' in a side drawer: every field with its Chinese name, money in 万元, the
 * expected benefits, the recommending department, the version history, and 发起授信申请 (which keeps the project
 * in the application draft and opens 授信申请). Esc closes it.
 */
import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Skeleton, Tag, Tooltip, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../shared/domain/project.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { useApi } from '../api/client.js';
import { formatQuantity } from '../format.js';
import { useApplicationDraftStore } from '../stores/applicationDraft.js';
import { useUiStore } from '../stores/ui.js';
import { STATUS_COLORS, useDomainLabels } from './labels.js';
import { ProjectHistory } from './ProjectHistory.js';

type Loaded = { id: string; project: Project | null; error: string | null };

export interface ProjectDrawerProps {
  id: string | null;
  onClose(): void;
  /** Called once the drawer has closed (to give the focus back to the row). */
  afterClose?(): void;
}

export function ProjectDrawer({ id, onClose, afterClose }: ProjectDrawerProps) {
  const { t } = useTranslation();
  const client = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const startFrom = useApplicationDraftStore((s) => s.startFrom);
  const setPage = useUiStore((s) => s.setPage);

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
  const project = current?.project ?? null;
  const apply = () => {
    if (!project) return;
    startFrom(project);
    onClose();
    setPage('applications');
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) afterClose?.();
      }}
      size={640}
      title={
        <div className="gd-drawer-title">
          <span>{project?.name ?? t('project.drawerTitle')}</span>
          {project ? <span className="gd-mono gd-drawer-subtitle">{project.id}</span> : null}
        </div>
      }
      extra={
        <Tooltip title={t('project.applyHint')} placement="bottomRight">
          <Button type="primary" icon={<AuditOutlined />} disabled={!project} onClick={apply} data-testid="start-application">
            {t('project.apply')}
          </Button>
        </Tooltip>
      }
      destroyOnHidden
    >
      {!current ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : current.error ? (
        <Alert type="error" showIcon title={t('project.loadError')} description={current.error} />
      ) : project ? (
        <>
          {project.status === 'withdrawn' ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('project.withdrawnNote')} /> : null}
          <ProjectDetails project={project} />
          <Typography.Title level={2} className="gd-section-title">
            {t('project.history')}
          </Typography.Title>
          <ProjectHistory id={project.id} />
        </>
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
    <Descriptions title={title} size="small" bordered column={1} items={items} styles={{ label: { width: 180 } }} style={{ marginBottom: 16 }} />
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
        { key: 'carbon', label: t('project.carbonReduction'), children: <span className="gd-money">{q(p.expectedBenefits.carbonReductionT)}</span> },
        { key: 'energy', label: t('project.energySaved'), children: <span className="gd-money">{q(p.expectedBenefits.energySavedTce)}</span> },
        { key: 'waste', label: t('project.wasteUtilized'), children: <span className="gd-money">{q(p.expectedBenefits.wasteUtilizedT)}</span> },
        { key: 'hazardous', label: t('project.hazardousDisposed'), children: <span className="gd-money">{q(p.expectedBenefits.hazardousDisposedT)}</span> },
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
