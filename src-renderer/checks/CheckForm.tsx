/**
 * The check form of one loan: loan facts (prefilled from the due list, the application and the linked project),
 * project, benefits, environmental credit and the payments grid. Every change is previewed on the server
 * (checks.preview, debounced 300 ms, invoices compared across all loans): the flags appear in the panel and beside
 * the field, payment or milestone they concern, with the verdict and the next due date. 保存检查 saves
 * (checks.save); measures are then recorded against the saved check.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PURPOSE_NAMES_ZH } from '../../shared/postloan/engine.js';
import { PURPOSES, type Purpose } from '../../shared/postloan/rules.js';
import { useApi } from '../api/client.js';
import { EvidenceFiles } from './Evidence.js';
import { FlagMarks } from './FlagMarks.js';
import { MeasuresPanel } from './MeasuresPanel.js';
import {
  buildInput, draftFromLoan, flagTarget, initialDraft, newMilestone, newViolation, SEVERITY_COLORS, VERDICT_COLORS,
  type CheckDraft, type CheckResultView, type DueItem, type FlagField, type FlagView, type LoanView,
} from './model.js';
import { PaymentsGrid } from './PaymentsGrid.js';

const PURPOSE_OPTIONS = PURPOSES.map((p) => ({ value: p, label: PURPOSE_NAMES_ZH[p] }));
const RATINGS = ['green', 'blue', 'yellow', 'red', 'unrated'] as const;

type Preview = { state: 'idle' | 'loading' } | { state: 'ok'; result: CheckResultView } | { state: 'error'; message: string };

export function CheckForm({ loan, asOf, canSave, onSaved }: { loan: DueItem; asOf: string; canSave: boolean; onSaved: () => void }) {
  const client = useApi();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<CheckDraft>(() => initialDraft(loan, asOf));
  const [record, setRecord] = useState<LoanView | null>(null);
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ checkId: number; result: CheckResultView } | null>(null);
  const seq = useRef(0);
  const patch = (p: Partial<CheckDraft>) => setDraft((d) => ({ ...d, ...p }));

  // Prefill what the due list does not carry: the loan as registered (terms, borrower, project) and its last
  // check (project figures, milestones, expected benefits), then the linked project's investment and expected
  // benefits where no earlier check gave them.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const l = await client.call('loans.get', { loanId: loan.loanId });
        if (!live) return;
        setRecord(l);
        setDraft((d) => draftFromLoan(d, l));
        if (l.projectId) {
          const p = await client.call('library.get', { id: l.projectId });
          if (!live) return;
          setDraft((d) => ({
            ...d,
            totalInvestment: d.totalInvestment || String(p.totalInvestmentFen / 100),
            expectedCarbon: d.expectedCarbon || (p.expectedBenefits.carbonReductionT ? String(p.expectedBenefits.carbonReductionT) : ''),
            expectedWaste: d.expectedWaste || (p.expectedBenefits.wasteUtilizedT ? String(p.expectedBenefits.wasteUtilizedT) : ''),
          }));
        }
      } catch {
        /* nothing to prefill */
      }
    })();
    return () => {
      live = false;
    };
  }, [client, loan.loanId]);

  // The live check.
  useEffect(() => {
    const mine = ++seq.current;
    setPreview((p) => (p.state === 'ok' ? p : { state: 'loading' }));
    const timer = setTimeout(() => {
      client.call('checks.preview', { input: buildInput(draft) }).then(
        (result) => mine === seq.current && setPreview({ state: 'ok', result }),
        (err: Error) => mine === seq.current && setPreview({ state: 'error', message: err.message }),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [client, draft]);

  const flags = useMemo(() => (preview.state === 'ok' ? preview.result.flags : []), [preview]);
  const targeted = useMemo(() => flags.map((f) => ({ f, at: flagTarget(f) })), [flags]);
  const fieldFlags = (field: FlagField) => targeted.filter((x) => x.at.field === field).map((x) => x.f);
  const paymentFlags = (id: string) => targeted.filter((x) => x.at.payments.includes(id)).map((x) => x.f);
  const milestoneFlags = (name: string) => targeted.filter((x) => x.at.milestone === name.trim()).map((x) => x.f);

  const label = (text: string, field?: FlagField): ReactNode => (
    <span>
      {text}
      {field ? <FlagMarks flags={fieldFlags(field)} /> : null}
    </span>
  );
  const text = (id: string, text: string, key: keyof CheckDraft, field?: FlagField, extra?: { placeholder?: string; disabled?: boolean }) => (
    <Form.Item label={label(text, field)} htmlFor={id} data-field={key}>
      <Input id={id} value={draft[key] as string} onChange={(e) => patch({ [key]: e.target.value } as Partial<CheckDraft>)} {...extra} />
    </Form.Item>
  );

  const save = async () => {
    setSaving(true);
    try {
      const out = await client.call('checks.save', { input: buildInput(draft) as never });
      setSaved(out);
      void message.success(t('postloan.form.saved', { id: out.checkId }));
      onSaved();
    } catch (err) {
      void message.error(t('postloan.form.saveError', { msg: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={16} className="gd-check-form" data-testid="check-form">
      <Col span={17}>
        <Form layout="vertical" size="small" component="div">
          <Card size="small" title={label(t('postloan.form.loan'), 'loan')}>
            <Row gutter={12}>
              <Col span={6}>{text('ck-asof', t('postloan.form.asOf'), 'asOf', undefined, { placeholder: 'YYYY-MM-DD' })}</Col>
              <Col span={6}>{text('ck-loanid', t('postloan.form.loanId'), 'loanId', undefined, { disabled: true })}</Col>
              <Col span={12}>{text('ck-uscc', t('postloan.form.borrowerUscc'), 'borrowerUscc')}</Col>
              <Col span={6}>{text('ck-amount', t('postloan.form.amount'), 'amountYuan')}</Col>
              <Col span={6}>{text('ck-disbursed', t('postloan.form.disbursed'), 'disbursedYuan')}</Col>
              <Col span={12}>
                <Form.Item label={t('postloan.form.agreedPurposes')} htmlFor="ck-purposes" data-field="agreedPurposes">
                  <Select id="ck-purposes" mode="multiple" value={draft.agreedPurposes} options={PURPOSE_OPTIONS} onChange={(v: Purpose[]) => patch({ agreedPurposes: v })} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('postloan.form.relatedParties')} htmlFor="ck-related">
                  <Input.TextArea id="ck-related" rows={2} value={draft.relatedParties} onChange={(e) => patch({ relatedParties: e.target.value })} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Space style={{ marginTop: 28 }}>
                  <Checkbox checked={draft.cerf} onChange={(e) => patch({ cerf: e.target.checked })}>{t('postloan.form.cerf')}</Checkbox>
                  <Checkbox checked={draft.thirdPartyVerified} onChange={(e) => patch({ thirdPartyVerified: e.target.checked })}>{t('postloan.form.verified')}</Checkbox>
                  <FlagMarks flags={fieldFlags('verified')} />
                </Space>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('postloan.form.project')} style={{ marginTop: 12 }}>
            <Row gutter={12}>
              <Col span={8}>{text('ck-total', t('postloan.form.totalInvestment'), 'totalInvestment', 'totalInvestment')}</Col>
              <Col span={8}>{text('ck-other', t('postloan.form.otherFinancing'), 'otherFinancing')}</Col>
              <Col span={8}>{text('ck-progress', t('postloan.form.progress'), 'progress', 'progress')}</Col>
            </Row>
            <Typography.Text strong>{t('postloan.form.milestones')}</Typography.Text>
            {draft.milestones.map((m) => (
              <Space key={m.key} style={{ display: 'flex', marginTop: 6 }} data-testid="milestone" data-name={m.name}>
                <Input size="small" placeholder={t('postloan.form.milestoneName')} aria-label={t('postloan.form.milestoneName')} value={m.name}
                  onChange={(e) => patch({ milestones: draft.milestones.map((x) => (x.key === m.key ? { ...x, name: e.target.value } : x)) })} />
                <Input size="small" placeholder="YYYY-MM-DD" aria-label={t('postloan.form.milestoneDue')} value={m.due} style={{ width: 120 }}
                  onChange={(e) => patch({ milestones: draft.milestones.map((x) => (x.key === m.key ? { ...x, due: e.target.value } : x)) })} />
                <Checkbox checked={m.evidence} onChange={(e) => patch({ milestones: draft.milestones.map((x) => (x.key === m.key ? { ...x, evidence: e.target.checked } : x)) })}>
                  {t('postloan.form.milestoneEvidence')}
                </Checkbox>
                <FlagMarks flags={milestoneFlags(m.name)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('postloan.form.remove')} onClick={() => patch({ milestones: draft.milestones.filter((x) => x.key !== m.key) })} />
              </Space>
            ))}
            <div>
              <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => patch({ milestones: [...draft.milestones, newMilestone()] })}>
                {t('postloan.form.addMilestone')}
              </Button>
            </div>
          </Card>

          <Card size="small" title={t('postloan.form.benefits')} style={{ marginTop: 12 }}>
            <Row gutter={12}>
              <Col span={6}>{text('ck-exp-carbon', t('postloan.form.expectedCarbon'), 'expectedCarbon')}</Col>
              <Col span={6}>{text('ck-act-carbon', t('postloan.form.actualCarbon'), 'actualCarbon', 'actualCarbon')}</Col>
              <Col span={6}>{text('ck-exp-waste', t('postloan.form.expectedWaste'), 'expectedWaste')}</Col>
              <Col span={6}>{text('ck-act-waste', t('postloan.form.actualWaste'), 'actualWaste', 'actualWaste')}</Col>
              <Col span={8}>
                <Form.Item label={label(t('postloan.form.envCredit'), 'envCredit')} htmlFor="ck-credit" data-field="envCredit">
                  <Select id="ck-credit" value={draft.envCredit} onChange={(v: CheckDraft['envCredit']) => patch({ envCredit: v })}
                    options={[{ value: '', label: t('postloan.form.envCreditNone') }, ...RATINGS.map((r) => ({ value: r, label: t(`postloan.ratings.${r}`) }))]} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Typography.Text>{t('postloan.form.newViolations')}</Typography.Text>
                {draft.violations.map((v) => (
                  <Space key={v.key} style={{ display: 'flex', marginTop: 6 }}>
                    <Input size="small" placeholder="YYYY-MM-DD" aria-label={t('postloan.form.violationDate')} value={v.date} style={{ width: 120 }}
                      onChange={(e) => patch({ violations: draft.violations.map((x) => (x.key === v.key ? { ...x, date: e.target.value } : x)) })} />
                    <Input size="small" placeholder={t('postloan.form.violationKind')} aria-label={t('postloan.form.violationKind')} value={v.kind}
                      onChange={(e) => patch({ violations: draft.violations.map((x) => (x.key === v.key ? { ...x, kind: e.target.value } : x)) })} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('postloan.form.remove')} onClick={() => patch({ violations: draft.violations.filter((x) => x.key !== v.key) })} />
                  </Space>
                ))}
                <div>
                  <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => patch({ violations: [...draft.violations, newViolation()] })}>
                    {t('postloan.form.addViolation')}
                  </Button>
                </div>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('postloan.form.payments')} style={{ marginTop: 12 }}>
            <PaymentsGrid loanId={loan.loanId} rows={draft.payments} onChange={(payments) => patch({ payments })} flagsFor={paymentFlags} />
          </Card>
          {record && record.attachments.length > 0 ? (
            <Card size="small" title={t('postloan.evidence.onFile', { n: record.attachments.length })} style={{ marginTop: 12 }} data-testid="evidence-on-file">
              <EvidenceFiles files={record.attachments} />
            </Card>
          ) : null}
        </Form>
      </Col>

      <Col span={7}>
        <div className="gd-check-side">
          <Card size="small" title={t('postloan.form.flags')} data-testid="live-result"
            extra={preview.state === 'loading' ? <Spin size="small" /> : null}>
            {preview.state === 'error' ? <Alert type="warning" showIcon title={t('postloan.form.previewError', { msg: preview.message })} /> : null}
            {preview.state === 'ok' ? (
              <>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('postloan.form.liveVerdict')}>
                    <Tag color={VERDICT_COLORS[preview.result.verdict]} data-testid="live-verdict">{t(`postloan.verdict.${preview.result.verdict}`)}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('postloan.form.nextDue')}>
                    <span data-testid="live-next-due">{preview.result.nextCheckDue}</span>
                  </Descriptions.Item>
                </Descriptions>
                {flags.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('postloan.form.noFlags')} /> : null}
                <ul className="gd-flag-list" data-testid="flag-list">
                  {flags.map((f, i) => (
                    <li key={`${f.code}-${i}`} data-code={f.code} data-severity={f.severity}>
                      <Tag color={SEVERITY_COLORS[f.severity]}>{t(`postloan.severity.${f.severity}`)}</Tag>
                      <Typography.Text code>{f.code}</Typography.Text> {f.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {canSave ? (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} block style={{ marginTop: 8 }}>
                {t('postloan.form.save')}
              </Button>
            ) : null}
          </Card>
          {saved ? <MeasuresPanel checkId={saved.checkId} verdict={saved.result.verdict} asOf={draft.asOf} onAdded={onSaved} /> : null}
        </div>
      </Col>
    </Row>
  );
}

export type { FlagView };
