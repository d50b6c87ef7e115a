/**
 * 贷后检查: counts by verdict, the due list (overdue first, from loans.due), the approved applications that still need
 * a loan (登记贷款), disbursements (放款, loan officers and admins), and per loan a drawer with the check form and
 * the loan's timeline.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import { isValidUscc } from '../../shared/domain/uscc.js';
import type { Purpose } from '../../shared/postloan/rules.js';
import { useApi } from '../api/client.js';
import { shanghaiDate } from '../format.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useAuthStore } from '../stores/auth.js';
import { CheckForm } from './CheckForm.js';
import './checks.css';
import { LoanTimeline } from './LoanTimeline.js';
import { relatedList, VERDICT_COLORS, type DueItem } from './model.js';
import { parseAmount, parseDate } from './paste.js';
import { PURPOSE_OPTIONS } from './PaymentsGrid.js';

type Due = Output<'loans.due'>;
type AppSummary = Output<'applications.list'>['items'][number];
const COUNT_KEYS = ['overdue', 'suspected_misuse', 'needs_rectification', 'compliant', 'unchecked'] as const;
const COUNT_COLORS: Record<(typeof COUNT_KEYS)[number], string> = { overdue: '#cf1322', suspected_misuse: '#cf1322', needs_rectification: '#d46b08', compliant: '#389e0d', unchecked: '#595959' };

export function ChecksPage() {
  const client = useApi();
  const { t } = useTranslation();
  const role = useAuthStore((s) => s.user?.role);
  const canDisburse = !role || role === 'loan_officer' || role === 'admin';
  const canRegister = !role || role === 'loan_officer' || role === 'admin' || role === 'compliance';
  const canSave = !role || role === 'compliance' || role === 'admin';
  const [due, setDue] = useState<Due | null>(null);
  const [pending, setPending] = useState<AppSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState<AppSummary | null>(null);
  const [disbursing, setDisbursing] = useState<DueItem | null>(null);
  const [open, setOpen] = useState<{ loan: DueItem; tab: 'form' | 'timeline' } | null>(null);
  const [refresh, setRefresh] = useState(0);

  const load = useCallback(async () => {
    try {
      const d = await client.call('loans.due', {});
      setDue(d);
      setError(null);
      const loans = new Set(d.items.map((i) => i.loanId));
      try {
        const apps = await client.call('applications.list', { status: 'approved', pageSize: 200 });
        setPending(apps.items.filter((a) => !loans.has(a.id)));
      } catch {
        setPending([]);
      }
    } catch (err) {
      setError((err as Error).message);
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = () => {
    setRefresh((n) => n + 1);
    void load();
  };

  const columns: ColumnsType<DueItem> = [
    { title: t('postloan.col.loanId'), dataIndex: 'loanId', width: 165 },
    {
      title: t('postloan.col.borrower'), dataIndex: 'borrowerName',
      render: (v: string, r) => (
        <span>
          {v} {r.greenStatus === 'removed' ? <Tag>{t('postloan.greenRemoved')}</Tag> : null}
        </span>
      ),
    },
    { title: t('postloan.col.amount'), dataIndex: 'amountFen', align: 'right', width: 105, render: (v: number) => formatWanYuan(v) },
    { title: t('postloan.col.disbursed'), dataIndex: 'disbursedFen', align: 'right', width: 110, render: (v: number) => formatWanYuan(v) },
    { title: t('postloan.col.lastCheck'), dataIndex: 'lastCheckAsOf', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('postloan.col.verdict'), dataIndex: 'lastVerdict', width: 110,
      render: (v: string | null) => <Tag color={VERDICT_COLORS[v ?? 'unchecked']}>{t(`postloan.verdict.${(v ?? 'unchecked') as 'unchecked'}`)}</Tag>,
    },
    { title: t('postloan.col.nextDue'), dataIndex: 'nextDue', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('postloan.col.overdueDays'), dataIndex: 'overdueDays', width: 80, align: 'right',
      render: (v: number | null) => (v && v > 0 ? <Typography.Text type="danger" strong data-testid="overdue-days">{v}</Typography.Text> : v === 0 ? '0' : '—'),
    },
    {
      title: t('postloan.col.actions'), key: 'actions', width: 170,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="primary" onClick={() => setOpen({ loan: r, tab: 'form' })}>{t('postloan.actions.check')}</Button>
          {canDisburse ? <Button size="small" onClick={() => setDisbursing(r)}>{t('postloan.actions.disburse')}</Button> : null}
          <Button size="small" type="link" onClick={() => setOpen({ loan: r, tab: 'timeline' })}>{t('postloan.actions.timeline')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="gd-checks-page">
      <PageHeader title={t('postloan.title')} subtitle={t('postloan.subtitle')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void load()}>{t('postloan.reload')}</Button>} />
      {error ? <Alert type="error" showIcon title={t('postloan.loadError')} description={error} style={{ marginBottom: 12 }} /> : null}
      <div className="gd-check-counts">
        {COUNT_KEYS.map((k) => (
          <Card size="small" key={k} data-testid={`count-${k}`}>
            <Statistic title={t(`postloan.counts.${k}`)} value={due?.counts[k] ?? 0} styles={{ content: { color: (due?.counts[k] ?? 0) > 0 ? COUNT_COLORS[k] : undefined } }} />
          </Card>
        ))}
      </div>
      <Table<DueItem>
        data-testid="due-table"
        size="small"
        rowKey="loanId"
        loading={due === null && !error}
        columns={columns}
        dataSource={due?.items ?? []}
        pagination={false}
        rowClassName={(r) => ((r.overdueDays ?? 0) > 0 ? 'gd-row-overdue' : '')}
        locale={{ emptyText: t('postloan.empty') }}
      />
      {canRegister ? (
        <Card size="small" title={t('postloan.pending.title')} style={{ marginTop: 16 }} data-testid="pending-loans">
          {pending.length === 0 ? (
            <Typography.Text type="secondary">{t('postloan.pending.empty')}</Typography.Text>
          ) : (
            <Table<AppSummary>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={pending}
              columns={[
                { title: t('postloan.col.loanId'), dataIndex: 'id' },
                { title: t('postloan.pending.applicant'), dataIndex: 'applicantName' },
                { title: t('postloan.pending.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatWanYuan(v) },
                { key: 'a', render: (_, a) => <Button size="small" type="primary" onClick={() => setRegistering(a)}>{t('postloan.actions.register')}</Button> },
              ]}
            />
          )}
        </Card>
      ) : null}
      {registering ? <RegisterModal app={registering} onClose={() => setRegistering(null)} onDone={changed} /> : null}
      {disbursing ? <DisburseModal loan={disbursing} onClose={() => setDisbursing(null)} onDone={changed} /> : null}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="92%" destroyOnHidden
        title={open ? t('postloan.form.title', { id: `${open.loan.loanId} · ${open.loan.borrowerName}` }) : ''}>
        {open ? (
          <Tabs activeKey={open.tab} onChange={(k) => setOpen({ ...open, tab: k as 'form' | 'timeline' })}
            items={[
              { key: 'form', label: t('postloan.tabs.form'), forceRender: true, children: <CheckForm loan={open.loan} asOf={shanghaiDate(new Date())} canSave={canSave} onSaved={changed} /> },
              { key: 'timeline', label: t('postloan.tabs.timeline'), children: <LoanTimeline loanId={open.loan.loanId} refreshKey={refresh} /> },
            ]}
          />
        ) : null}
      </Drawer>
    </div>
  );
}

function RegisterModal({ app, onClose, onDone }: { app: AppSummary; onClose: () => void; onDone: () => void }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [related, setRelated] = useState('');
  const [cerf, setCerf] = useState(false);
  const [verified, setVerified] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!purposes.length) return setProblem(t('postloan.register.purposesRequired'));
    const list = relatedList(related);
    const bad = list.findIndex((u) => u.length !== 18 || !isValidUscc(u));
    if (bad >= 0) return setProblem(t('postloan.register.relatedBad', { n: bad + 1 }));
    setBusy(true);
    try {
      const terms = { agreedPurposes: purposes, relatedPartyUsccs: list, cerf, thirdPartyVerified: verified };
      const out = await client.call('loans.register', { applicationId: app.id, ...terms });
      void message.success(t('postloan.register.done', { id: out.loanId }));
      onDone();
      onClose();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('postloan.register.title', { id: app.id })} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}
      okText={t('postloan.register.ok')} cancelText={t('postloan.cancel')}>
      <Typography.Paragraph type="secondary">{app.applicantName} · {formatWanYuan(app.amountFen)} 万元</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('postloan.register.purposes')} htmlFor="rg-purposes" required>
          <Select id="rg-purposes" mode="multiple" value={purposes} onChange={setPurposes} options={PURPOSE_OPTIONS} />
        </Form.Item>
        <Form.Item label={t('postloan.register.related')} htmlFor="rg-related" extra={t('postloan.register.relatedHelp')}>
          <Input.TextArea id="rg-related" rows={3} value={related} onChange={(e) => setRelated(e.target.value)} />
        </Form.Item>
        <Checkbox checked={cerf} onChange={(e) => setCerf(e.target.checked)}>{t('postloan.register.cerf')}</Checkbox>
        <Checkbox checked={verified} onChange={(e) => setVerified(e.target.checked)}>{t('postloan.register.verified')}</Checkbox>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

function DisburseModal({ loan, onClose, onDone }: { loan: DueItem; onClose: () => void; onDone: () => void }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remaining = (loan.amountFen - loan.disbursedFen) / 100;
  const [amount, setAmount] = useState(String(remaining));
  const [date, setDate] = useState(shanghaiDate(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const a = parseAmount(amount);
    const d = parseDate(date);
    if (a === null || a <= 0) return setProblem(t('postloan.paste.amount'));
    if (!d) return setProblem(t('postloan.paste.date'));
    setBusy(true);
    try {
      await client.call('loans.disburse', { loanId: loan.loanId, date: d, amountYuan: a });
      void message.success(t('postloan.disburse.done'));
      onDone();
      onClose();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('postloan.disburse.title', { id: loan.loanId })} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}
      okText={t('postloan.disburse.ok')} cancelText={t('postloan.cancel')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('postloan.disburse.amount')} htmlFor="db-amount" extra={t('postloan.disburse.remaining', { v: remaining.toLocaleString('zh-CN') })}>
          <Input id="db-amount" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('postloan.disburse.date')} htmlFor="db-date">
          <Input id="db-date" placeholder="YYYY-MM-DD" value={date} onChange={(e) => setDate(e.target.value)} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
    </Modal>
  );
}
