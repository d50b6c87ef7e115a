/**
 * 授信申请: the list (queues 全部 / 我的 / 待我审批, status filter, search) with the detail drawer, the guided form,
 * and the printable score sheet. A project chosen in the 项目库 (stores/applicationDraft.ts) opens a new form
 * prefilled from it.
 */
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Input, Segmented, Select, Table, Tag, Tooltip } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../shared/applications/lifecycle.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { lprOn } from '../../shared/scoring/engine.js';
import { useApi } from '../api/client.js';
import { formatDateTime, shanghaiDate } from '../format.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useApplicationDraftStore } from '../stores/applicationDraft.js';
import { useApplicationFormStore } from '../stores/applicationForm.js';
import { APPLICATIONS_PAGE_SIZE, useApplicationsStore, type ApplicationSummary, type Queue } from '../stores/applications.js';
import { useAuthStore } from '../stores/auth.js';
import { useScoringModelStore } from '../stores/scoringModel.js';
import { useUiStore } from '../stores/ui.js';
import { ApplicationDetailDrawer } from './ApplicationDetail.js';
import { ApplicationForm } from './ApplicationForm.js';
import { bpText, rateText, scoreText, STATUS_COLORS } from './format.js';
import { PrintSheet } from './PrintSheet.js';
import './applications.css';
import { BandTag } from './ScoreCard.js';

export function ApplicationsPage() {
  const view = useApplicationsStore((s) => s.view);
  const formOpen = useApplicationFormStore((s) => s.open);
  const draftProject = useApplicationDraftStore((s) => s.project);
  const clearDraft = useApplicationDraftStore((s) => s.clear);
  const user = useAuthStore((s) => s.user);

  // A project handed over from the library starts a new application (loan officers and admins only).
  useEffect(() => {
    if (!draftProject || (user?.role !== 'loan_officer' && user?.role !== 'admin')) return;
    useApplicationFormStore.getState().openNew(shanghaiDate(new Date()), draftProject);
    useApplicationsStore.getState().setView('form');
    clearDraft();
  }, [draftProject, clearDraft, user]);

  if (view === 'print') return <PrintSheet />;
  if (view === 'form' && formOpen) return <ApplicationForm />;
  return <ApplicationList />;
}

function ApplicationList() {
  const { t } = useTranslation();
  const client = useApi();
  const lang = useUiStore((s) => s.lang);
  const user = useAuthStore((s) => s.user);
  const s = useApplicationsStore();
  const model = useScoringModelStore((m) => m.model);
  const loadModel = useScoringModelStore((m) => m.load);
  const canCreate = user?.role === 'loan_officer' || user?.role === 'admin';

  const chooseInitialQueue = s.chooseInitialQueue;
  useEffect(() => {
    if (user?.role === 'approver') chooseInitialQueue('approvals');
  }, [user?.role, chooseInitialQueue]);
  useEffect(() => {
    void loadModel(client);
  }, [client, loadModel]);
  useEffect(() => {
    void useApplicationsStore.getState().load(client);
  }, [client, s.queue, s.status, s.q, s.page, s.revision]);
  useEffect(() => {
    const text = s.searchText;
    const timer = setTimeout(() => {
      if (text !== useApplicationsStore.getState().q) useApplicationsStore.getState().setQuery(text);
    }, 250);
    return () => clearTimeout(timer);
  }, [s.searchText]);

  const startNew = () => {
    useApplicationFormStore.getState().openNew(shanghaiDate(new Date()));
    s.setView('form');
  };

  const lprFor = (term: number) => {
    if (!model) return null;
    const l = lprOn(model, shanghaiDate(new Date()));
    return term > model.pricing.fiveYearAboveMonths ? l.fiveYearBps : l.oneYearBps;
  };

  const queueOptions: { value: Queue; label: ReactNode }[] = [
    { value: 'all', label: t('applications.queue.all') },
    { value: 'mine', label: t('applications.queue.mine') },
    {
      value: 'approvals',
      label: (
        <span className="gd-queue-approvals">
          {t('applications.queue.approvals')}
          <Badge count={s.approvals ?? 0} size="small" showZero={false} offset={[6, -2]} color="#d9722b" />
        </span>
      ),
    },
  ];

  const empty =
    s.queue === 'approvals' ? t('applications.emptyApprovals') : s.queue === 'mine' && !s.status && !s.q ? t('applications.emptyMine') : t('applications.empty');

  return (
    <section aria-labelledby="gd-page-applications">
      <PageHeader
        title={<span id="gd-page-applications">{t('applications.title')}</span>}
        subtitle={t('applications.subtitle')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={startNew}>
              {t('applications.newButton')}
            </Button>
          ) : null
        }
      />
      <Card size="small" className="gd-list-card">
        <div className="gd-filters">
          <Segmented<Queue> aria-label={t('applications.queue.label')} value={s.queue} onChange={(q) => s.setQueue(q)} options={queueOptions} data-testid="queue" />
          <Select<ApplicationStatus>
            allowClear
            aria-label={t('applications.allStatuses')}
            placeholder={t('applications.allStatuses')}
            value={s.status}
            onChange={(v) => s.setStatus(v ?? undefined)}
            options={APPLICATION_STATUSES.map((st) => ({
              value: st,
              label: `${t(`applications.status.${st}`)}${s.counts[st] ? ` (${s.counts[st]})` : ''}`,
            }))}
          />
          <Input
            allowClear
            className="gd-search"
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t('applications.searchPlaceholder')}
            aria-label={t('applications.searchPlaceholder')}
            value={s.searchText}
            onChange={(e) => s.setSearchText(e.target.value)}
          />
          <Tooltip title={t('applications.reload')}>
            <Button icon={<ReloadOutlined />} aria-label={t('applications.reload')} onClick={() => void s.load(client)} />
          </Tooltip>
          <span className="gd-header-spacer" />
          <span className="gd-muted">{t('applications.total', { n: s.total })}</span>
        </div>
        {s.error ? <Alert type="error" showIcon title={t('applications.loadError')} description={s.error} style={{ marginBottom: 12 }} /> : null}
        <Table<ApplicationSummary>
          size="small"
          rowKey="id"
          loading={s.loading && !s.loaded}
          dataSource={s.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
          rowClassName={() => 'gd-table-row'}
          onRow={(r) => ({
            onClick: () => s.openDetail(r.id),
            onKeyDown: (e) => {
              if (e.key === 'Enter') s.openDetail(r.id);
            },
            tabIndex: 0,
          })}
          pagination={{
            current: s.page,
            pageSize: APPLICATIONS_PAGE_SIZE,
            total: s.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => s.setPage(p),
          }}
          columns={[
            { title: t('applications.col.id'), dataIndex: 'id', width: 158, render: (id: string) => <span className="gd-mono">{id}</span> },
            { title: t('applications.col.applicant'), dataIndex: 'applicantName', ellipsis: true },
            {
              title: t('applications.col.amount'),
              dataIndex: 'amountFen',
              width: 100,
              align: 'right',
              render: (fen: number) => <span className="gd-money">{formatWanYuan(fen)}</span>,
            },
            { title: t('applications.col.term'), dataIndex: 'termMonths', width: 72, render: (n: number) => t('applications.termMonths', { n }) },
            {
              title: t('applications.col.score'),
              dataIndex: 'score',
              width: 56,
              align: 'right',
              render: (v: number | null) => (v === null ? <span className="gd-muted">{t('applications.notScored')}</span> : scoreText(v)),
            },
            { title: t('applications.col.band'), dataIndex: 'band', width: 56, align: 'center', render: (b: string | null) => (b ? <BandTag band={b} /> : '—') },
            {
              title: t('applications.col.rate'),
              key: 'rate',
              width: 136,
              render: (_, r) => {
                if (r.finalRateBps === null) return r.band === 'E' ? <span className="gd-muted">{t('applications.panel.notEligible')}</span> : '—';
                const lpr = lprFor(r.termMonths);
                return (
                  <span className="gd-rate-cell">
                    <strong>{rateText(r.finalRateBps)}</strong>
                    {lpr !== null ? <span className="gd-muted"> LPR{bpText(r.finalRateBps - lpr)}</span> : null}
                  </span>
                );
              },
            },
            {
              title: t('applications.col.status'),
              dataIndex: 'status',
              width: 76,
              render: (st: ApplicationStatus) => <Tag color={STATUS_COLORS[st]}>{t(`applications.status.${st}`)}</Tag>,
            },
            { title: t('applications.col.createdBy'), dataIndex: 'createdBy', width: 96, ellipsis: true, render: (v: string) => v.replace(/（[^）]*）$/, '') },
            { title: t('applications.col.updatedAt'), dataIndex: 'updatedAt', width: 128, render: (v: string) => formatDateTime(v, lang) },
          ]}
        />
      </Card>
      <ApplicationDetailDrawer />
    </section>
  );
}
