/**
 * One application in a drawer: the input summary, the latest score's card, earlier scores, the audit trail, and the
 * actions the signed-in user may take (approve / reject need a reason; maker-checker is explained, and any error
 * envelope from the server is shown as it came).
 */
import { CheckOutlined, CloseOutlined, EditOutlined, PrinterOutlined, SendOutlined, StopOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Empty, Input, Modal, Skeleton, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS, type ApplicationAction, type ApplicationStatus } from '../../shared/applications/lifecycle.js';
import { ApiError } from '../../shared/contract/client.js';
import { industryLabel } from '../../shared/domain/industry.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { useApi } from '../api/client.js';
import { formatDateTime, formatQuantity } from '../format.js';
import { useDomainLabels } from '../library/labels.js';
import { useApplicationFormStore } from '../stores/applicationForm.js';
import { useApplicationsStore, type ApplicationDetail } from '../stores/applications.js';
import { useAuthStore } from '../stores/auth.js';
import { useUiStore } from '../stores/ui.js';
import { hashPrefix, scoreText, STATUS_COLORS } from './format.js';
import { BandTag, Explanations, PricingSummary, ScoreCardTable } from './ScoreCard.js';

type Loaded = { id: string; app: ApplicationDetail | null; error: string | null };

/** Who made the application (created or submitted it): they may not decide it. */
export function makersOf(app: Pick<ApplicationDetail, 'transitions'>): number[] {
  return app.transitions.filter((tr) => tr.action === 'create' || tr.action === 'submit').map((tr) => tr.actor.id);
}

export function ApplicationDetailDrawer() {
  const { t } = useTranslation();
  const client = useApi();
  const id = useApplicationsStore((s) => s.detailId);
  const revision = useApplicationsStore((s) => s.revision);
  const openDetail = useApplicationsStore((s) => s.openDetail);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.call('applications.get', { id }).then(
      (app) => live && setLoaded({ id, app, error: null }),
      (err: unknown) => live && setLoaded({ id, app: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, id, revision]);

  const current = loaded && loaded.id === id ? loaded : null;
  return (
    <Drawer
      open={id !== null}
      onClose={() => openDetail(null)}
      size={920}
      rootClassName="gd-detail-drawer"
      destroyOnHidden
      title={
        current?.app ? (
          <span className="gd-detail-title">
            <span>{current.app.applicantName}</span>
            <span className="gd-mono">{current.app.id}</span>
            <Tag color={STATUS_COLORS[current.app.status]}>{t(`applications.status.${current.app.status}`)}</Tag>
          </span>
        ) : (
          t('applications.detail.title')
        )
      }
      extra={current?.app ? <DetailActions app={current.app} /> : null}
    >
      {!current ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : current.error ? (
        <Alert type="error" showIcon title={t('applications.detail.loadError')} description={current.error} />
      ) : current.app ? (
        <DetailBody app={current.app} />
      ) : null}
    </Drawer>
  );
}

const ACTION_ICONS: Record<ApplicationAction, ReactNode> = {
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  disburse: <WalletOutlined />,
  close: <StopOutlined />,
};

function DetailActions({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const apps = useApplicationsStore();
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const isMaker = user ? makersOf(app).includes(user.id) : false;
  const canEdit = app.status === 'draft' && (user?.role === 'admin' || (user?.role === 'loan_officer' && makersOf(app).includes(user.id)));

  const edit = () => {
    useApplicationFormStore.getState().openExisting(app);
    apps.openDetail(null);
    apps.setView('form');
  };

  return (
    <Space wrap>
      {canEdit ? (
        <Button icon={<EditOutlined />} onClick={edit}>
          {t('applications.detail.edit')}
        </Button>
      ) : null}
      {app.scores.length > 0 ? (
        <Button icon={<PrinterOutlined />} onClick={() => apps.openPrint(app.id)}>
          {t('applications.detail.print')}
        </Button>
      ) : null}
      {app.actions.map((a) => {
        const blocked = TRANSITIONS[a].checker && isMaker;
        const button = (
          <Button
            key={a}
            icon={ACTION_ICONS[a]}
            type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
            danger={a === 'reject'}
            disabled={blocked}
            onClick={() => setAction(a)}
            data-action={a}
          >
            {t(`applications.actions.${a}`)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={a} title={t('applications.detail.makerChecker')}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
      {action ? <DecisionModal app={app} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}

/** Confirms a lifecycle step; approve and reject need a reason (it goes into the audit trail). */
export function DecisionModal({ app, action, onClose }: { app: Pick<ApplicationDetail, 'id' | 'applicantName'>; action: ApplicationAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useApi();
  const changed = useApplicationsStore((s) => s.changed);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const needsReason = action === 'approve' || action === 'reject' || TRANSITIONS[action].reasonRequired;
  const missing = needsReason && reason.trim() === '';

  const confirm = async () => {
    setTried(true);
    if (missing) return;
    setBusy(true);
    setError(null);
    try {
      await client.call('applications.transition', { id: app.id, action, reason: reason.trim() });
      message.success(t('applications.decision.done', { action: t(`applications.actions.${action}`) }));
      changed();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`applications.decision.title.${action}`)}
      okText={t(`applications.actions.${action}`)}
      cancelText={t('applications.cancel')}
      okButtonProps={{ danger: action === 'reject', loading: busy }}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('applications.decision.body', { name: app.applicantName, id: app.id })}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" title={error.message} description={error.code} style={{ marginBottom: 12 }} /> : null}
      <label className="gd-modal-label" htmlFor="gd-decision-reason">
        {t('applications.decision.reason')}
        {needsReason ? <span className="gd-required"> *</span> : <span className="gd-optional">{t('applications.form.optional')}</span>}
      </label>
      <Input.TextArea
        id="gd-decision-reason"
        autoFocus
        rows={4}
        maxLength={500}
        showCount
        status={tried && missing ? 'error' : undefined}
        placeholder={t(`applications.decision.placeholder.${action}`)}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {tried && missing ? (
        <div className="gd-field-error" role="alert">
          {t('applications.decision.reasonRequired')}
        </div>
      ) : null}
    </Modal>
  );
}

/** The carbon and waste blocks of an input in one line each. */
function useInputSummary(input: ScoreInput) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const q = (n: number | undefined, unit: string) => (n === undefined ? '—' : `${formatQuantity(n, lang)} ${unit}`);
  const c = input.carbon;
  const w = input.waste;
  const intensityUnit = t('applications.units.intensity');
  const carbon = c
    ? t('applications.detail.carbonLine', {
        intensity: q(c.intensity, intensityUnit),
        average: q(c.industryAverage, intensityUnit),
        previous: q(c.previousIntensity, intensityUnit),
        dq: c.dataQuality,
      })
    : t('applications.detail.notProvided');
  const waste = w
    ? t('applications.detail.wasteLine', {
        generated: q(w.generatedT, t('applications.units.tonnes')),
        utilized: q(w.utilizedT, t('applications.units.tonnes')),
        hazardous: w.hazardous ? q(w.hazardous.generatedT, t('applications.units.tonnes')) : t('applications.panel.none'),
      })
    : t('applications.detail.notProvided');
  return { carbon, waste };
}

function DetailBody({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const lang = useUiStore((s) => s.lang);
  const input = app.input;
  const latest = app.scores[0] ?? null;
  const { carbon, waste } = useInputSummary(input);
  const status = (s: string | null) => (s ? t(`applications.status.${s as ApplicationStatus}`) : '—');

  return (
    <div className="gd-detail">
      <div className="gd-detail-section">
        <Typography.Title level={2} className="gd-section-title">
          {t('applications.detail.scoreCard')}
        </Typography.Title>
        {latest ? (
          <>
            <div className="gd-detail-facts">
              <div>
                <div className="gd-score-label">{t('applications.panel.score')}</div>
                <span className="gd-score-value gd-score-value-md">{scoreText(latest.result.score)}</span>
                <span className="gd-score-of">/100</span>
              </div>
              <div>
                <div className="gd-score-label">{t('applications.panel.band')}</div>
                <BandTag band={latest.result.band} large />
              </div>
              <div>
                <div className="gd-score-label">{t('applications.panel.rate')}</div>
                <PricingSummary result={latest.result} />
              </div>
              <div>
                <div className="gd-score-label">{t('applications.panel.creditLine')}</div>
                <strong>{latest.result.creditLineFactor.toFixed(1)}</strong>
              </div>
            </div>
            <div className="gd-detail-meta" data-testid="latest-score-meta">
              {t('applications.detail.scoreMeta', {
                model: latest.modelId,
                hash: hashPrefix(latest.inputHash),
                at: formatDateTime(latest.createdAt, lang),
                by: latest.createdBy,
              })}
            </div>
            <Explanations result={latest.result} />
            <ScoreCardTable result={latest.result} />
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.detail.noScore')} />
        )}
      </div>

      <div className="gd-detail-section">
        <Typography.Title level={2} className="gd-section-title">
          {t('applications.detail.summary')}
        </Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={2}
          styles={{ label: { width: 130 } }}
          items={[
            { key: 'name', label: t('applications.form.name'), children: input.applicant.name, span: 2 },
            { key: 'uscc', label: t('applications.form.uscc'), children: <span className="gd-mono">{input.applicant.uscc}</span> },
            { key: 'district', label: t('applications.form.district'), children: labels.district(input.applicant.district) },
            { key: 'industry', label: t('applications.form.industryCode'), children: industryLabel(input.applicant.industryCode), span: 2 },
            { key: 'amount', label: t('applications.col.amount'), children: formatWanYuan(app.amountFen) },
            { key: 'term', label: t('applications.col.term'), children: t('applications.termMonths', { n: input.loan.termMonths }) },
            { key: 'spread', label: t('applications.form.spread'), children: `${input.loan.riskSpreadBps} bp` },
            { key: 'category', label: t('applications.form.greenCategory'), children: input.loan.greenCategory ? labels.category(input.loan.greenCategory) : '—' },
            { key: 'project', label: t('applications.form.projectId'), children: input.loan.projectId ? <span className="gd-mono">{input.loan.projectId}</span> : '—', span: 2 },
            { key: 'carbon', label: t('applications.form.steps.carbon'), children: carbon, span: 2 },
            { key: 'waste', label: t('applications.form.steps.waste'), children: waste, span: 2 },
            {
              key: 'env',
              label: t('applications.form.rating'),
              children: input.envCredit ? `${t(`applications.ratings.${input.envCredit.rating}`)}${input.envCredit.year ? `（${input.envCredit.year}）` : ''}` : t('applications.ratings.unrated'),
            },
            { key: 'asOf', label: t('applications.form.asOf'), children: input.asOf },
            {
              key: 'violations',
              label: t('applications.form.violations'),
              span: 2,
              children: input.violations?.length
                ? input.violations.map((v) => `${v.date} ${t(`applications.violationKinds.${v.kind}`)}${v.amountYuan !== undefined ? ` ${formatQuantity(v.amountYuan, lang)} ${t('applications.units.yuan')}` : ''}`).join('；')
                : t('applications.form.noViolations'),
            },
            {
              key: 'kpis',
              label: t('applications.form.kpis'),
              span: 2,
              children: input.transitionPlan?.kpis.length
                ? input.transitionPlan.kpis.map((k) => `${k.name} ${k.target}（${k.due}）`).join('；')
                : t('applications.form.noKpis'),
            },
            { key: 'by', label: t('applications.col.createdBy'), children: app.createdBy },
            { key: 'created', label: t('applications.detail.createdAt'), children: formatDateTime(app.createdAt, lang) },
          ]}
        />
      </div>

      <div className="gd-detail-section">
        <Typography.Title level={2} className="gd-section-title">
          {t('applications.detail.history')}
        </Typography.Title>
        {app.scores.length === 0 ? (
          <span className="gd-muted">{t('applications.detail.noScore')}</span>
        ) : (
          <ol className="gd-history" data-testid="score-history">
            {app.scores.map((s, i) => (
              <li key={s.id}>
                <BandTag band={s.result.band} />
                <strong>{t('applications.whatIf.points', { score: scoreText(s.result.score) })}</strong>
                <span>{s.result.eligible ? t('applications.panel.eligible') : t('applications.panel.notEligible')}</span>
                <span className="gd-muted">
                  {t('applications.detail.historyMeta', { model: s.modelId, hash: hashPrefix(s.inputHash), at: formatDateTime(s.createdAt, lang), by: s.createdBy })}
                </span>
                {i === 0 ? <Tag color="green">{t('applications.detail.latest')}</Tag> : null}
              </li>
            ))}
          </ol>
        )}
      </div>

      <div className="gd-detail-section">
        <Typography.Title level={2} className="gd-section-title">
          {t('applications.detail.trail')}
        </Typography.Title>
        <div data-testid="audit-trail">
        <Timeline
          className="gd-trail"
          items={app.transitions.map((tr, i) => ({
            key: i,
            color: tr.action === 'reject' ? 'red' : tr.action === 'approve' ? 'green' : 'blue',
            title: formatDateTime(tr.at, lang),
            content: (
              <div className="gd-trail-item">
                <div>
                  <strong>{tr.actor.displayName}</strong>
                  <span className="gd-muted">（{t(`signin.roles.${tr.actor.role}`)}）</span>
                  {t(`applications.trailAction.${tr.action as ApplicationAction | 'create'}`, { defaultValue: tr.action })}
                  <span className="gd-muted">
                    {' '}
                    {status(tr.fromStatus)} → {status(tr.toStatus)}
                  </span>
                </div>
                {tr.reason ? <div className="gd-trail-reason">{t('applications.detail.reason', { reason: tr.reason })}</div> : null}
              </div>
            ),
          }))}
        />
        </div>
      </div>
    </div>
  );
}
