/**
 * The fields of each step of the guided form, bound to the form store. Units are shown on every number; wrong
 * values are flagged as they are typed (统一社会信用代码 check digit, GB/T 4754 code), empty required ones after a
 * save was attempted. The optional blocks (carbon, waste, hazardous) can be switched off: the live panel then
 * shows their factors at 0 with the reason.
 */
import { CheckCircleFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Checkbox, Col, Empty, Form, Input, InputNumber, Radio, Row, Select, Switch, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, GREEN_CATEGORIES } from '../../shared/domain/jiangmen.js';
import { industryLabel, searchIndustries } from '../../shared/domain/industry.js';
import { ENV_CREDIT_RATINGS, VIOLATION_KINDS, type EnvCreditRating, type ViolationKind } from '../../shared/scoring/input.js';
import { startsWithAny } from '../../shared/scoring/engine.js';
import type { ScoringModel } from '../../shared/scoring/model.js';
import { useDomainLabels } from '../library/labels.js';
import { useApplicationFormStore } from '../stores/applicationForm.js';
import { useUiStore } from '../stores/ui.js';
import { fieldProblems, newKey, normaliseCode, wanToYuan, type ApplicationFormValues } from './form-model.js';

type Section = 'applicant' | 'loan' | 'carbon' | 'waste' | 'hazardous' | 'envCredit';

function useForm() {
  const values = useApplicationFormStore((s) => s.values);
  const update = useApplicationFormStore((s) => s.update);
  const showRequired = useApplicationFormStore((s) => s.showRequired);
  const serverProblems = useApplicationFormStore((s) => s.problems);
  const problems = fieldProblems(values, showRequired);
  for (const p of serverProblems) problems[p.path] ??= p.code;
  const set = <S extends Section>(section: S, patch: Partial<ApplicationFormValues[S]>) =>
    update((v) => ({ ...v, [section]: { ...v[section], ...patch } }));
  return { values, update, set, problems };
}

/** A labelled field with its problem (if any) under it. */
function Field({ label, path, problems, extra, children, optional, htmlFor }: { label: ReactNode; path: string; problems: Record<string, string>; extra?: ReactNode; children: ReactNode; optional?: boolean; htmlFor?: string }) {
  const { t } = useTranslation();
  const code = problems[path];
  return (
    <Form.Item
      label={
        <span>
          {label}
          {optional ? <span className="gd-optional">{t('applications.form.optional')}</span> : null}
        </span>
      }
      validateStatus={code ? 'error' : undefined}
      help={code ? t(`applications.errors.${code}` as 'applications.errors.REQUIRED', { defaultValue: t('applications.errors.INVALID') }) : undefined}
      extra={code ? undefined : extra}
      htmlFor={htmlFor}
      data-field={path}
    >
      {children}
    </Form.Item>
  );
}

function Num({ value, onChange, unit, min = 0, max, precision, step, placeholder, id, disabled }: { value: number | null; onChange: (v: number | null) => void; unit: string; min?: number; max?: number; precision?: number; step?: number; placeholder?: string; id?: string; disabled?: boolean }) {
  return (
    <InputNumber<number>
      id={id}
      className="gd-num"
      style={{ width: '100%' }}
      value={value}
      min={min}
      disabled={disabled}
      {...(max !== undefined ? { max } : {})}
      {...(precision !== undefined ? { precision } : {})}
      {...(step !== undefined ? { step } : {})}
      placeholder={placeholder}
      suffix={<span className="gd-unit">{unit}</span>}
      onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
    />
  );
}

export function EnterpriseStep({ model }: { model: ScoringModel | null }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const { values, set, problems } = useForm();
  const a = values.applicant;
  const uscc = normaliseCode(a.uscc);
  const code = normaliseCode(a.industryCode);
  const highCarbon = model && code && !problems['applicant.industryCode'] ? startsWithAny(code, model.highCarbonPrefixes) : undefined;
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Field htmlFor="f-applicant-name" label={t('applications.form.name')} path="applicant.name" problems={problems}>
          <Input id="f-applicant-name" value={a.name} maxLength={200} placeholder={t('applications.form.namePlaceholder')} onChange={(e) => set('applicant', { name: e.target.value })} />
        </Field>
      </Col>
      <Col span={12}>
        <Field
          htmlFor="f-applicant-uscc"
          label={t('applications.form.uscc')}
          path="applicant.uscc"
          problems={problems}
          extra={uscc.length === 18 ? <span className="gd-ok"><CheckCircleFilled /> {t('applications.form.usccOk')}</span> : t('applications.form.usccHint')}
        >
          <Input
            id="f-applicant-uscc"
            className="gd-mono-input"
            value={a.uscc}
            maxLength={18}
            placeholder={t('applications.form.usccPlaceholder')}
            onChange={(e) => set('applicant', { uscc: normaliseCode(e.target.value) })}
            count={{ show: true, max: 18 }}
          />
        </Field>
      </Col>
      <Col span={12}>
        <Field htmlFor="f-applicant-district" label={t('applications.form.district')} path="applicant.district" problems={problems}>
          <Select
            id="f-applicant-district"
            value={a.district}
            placeholder={t('applications.form.districtPlaceholder')}
            options={DISTRICTS.map((d) => ({ value: d, label: labels.district(d) }))}
            onChange={(d) => set('applicant', { district: d })}
          />
        </Field>
      </Col>
      <Col span={24}>
        <Field
          htmlFor="f-applicant-industry"
          label={t('applications.form.industryCode')}
          path="applicant.industryCode"
          problems={problems}
          extra={
            code && !problems['applicant.industryCode'] ? (
              <span>
                <span className="gd-ok"><CheckCircleFilled /></span> {industryLabel(code)}
                {highCarbon ? (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {t('applications.form.highCarbon', { prefix: highCarbon, cap: model?.caps.highCarbonNoPlan ?? 'C' })}
                  </Tag>
                ) : null}
              </span>
            ) : (
              t('applications.form.industryHint')
            )
          }
        >
          <AutoComplete
            id="f-applicant-industry"
            value={a.industryCode}
            placeholder={t('applications.form.industryPlaceholder')}
            options={searchIndustries(a.industryCode, 12).map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }))}
            onChange={(v: string) => set('applicant', { industryCode: /^[a-t]?\d*$/i.test(v.trim()) ? normaliseCode(v) : v })}
          />
        </Field>
      </Col>
    </Row>
  );
}

export function LoanStep() {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const lang = useUiStore((s) => s.lang);
  const linked = useApplicationFormStore((s) => s.linked);
  const { values, set, problems } = useForm();
  const l = values.loan;
  let lookup: ReactNode = t('applications.form.projectIdHint');
  if (linked.state === 'loading') lookup = t('applications.form.projectLooking');
  if (linked.state === 'found') {
    lookup = (
      <span data-testid="linked-project" className={linked.project.status === 'withdrawn' ? 'gd-warn-text' : 'gd-ok'}>
        {linked.project.status === 'withdrawn' ? null : <CheckCircleFilled />}{' '}
        {t('applications.form.projectFound', { name: linked.project.name, status: labels.status(linked.project.status), version: linked.project.libraryVersion })}
      </span>
    );
  }
  if (linked.state === 'missing') lookup = <span className="gd-warn-text" data-testid="linked-project">{t('applications.form.projectMissing')}</span>;
  if (linked.state === 'error') lookup = <span className="gd-warn-text">{linked.message}</span>;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Field
          htmlFor="f-loan-amount"
          label={t('applications.form.amount')}
          path="loan.amountYuan"
          problems={problems}
          extra={l.amountWan ? t('applications.form.amountYuan', { yuan: wanToYuan(l.amountWan).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2 }) }) : undefined}
        >
          <Num id="f-loan-amount" value={l.amountWan} unit={t('applications.units.wan')} precision={2} max={100_000_000} onChange={(v) => set('loan', { amountWan: v })} />
        </Field>
      </Col>
      <Col span={12}>
        <Field htmlFor="f-loan-term" label={t('applications.form.term')} path="loan.termMonths" problems={problems} extra={t('applications.form.termHint')}>
          <Num id="f-loan-term" value={l.termMonths} unit={t('applications.units.months')} min={1} max={360} precision={0} onChange={(v) => set('loan', { termMonths: v })} />
        </Field>
      </Col>
      <Col span={12}>
        <Field htmlFor="f-loan-spread" label={t('applications.form.spread')} path="loan.riskSpreadBps" problems={problems} extra={t('applications.form.spreadHint')}>
          <Num id="f-loan-spread" value={l.riskSpreadBps} unit="bp" min={-500} max={2000} precision={0} step={5} onChange={(v) => set('loan', { riskSpreadBps: v })} />
        </Field>
      </Col>
      <Col span={12}>
        <Field htmlFor="f-loan-category" label={t('applications.form.greenCategory')} path="loan.greenCategory" problems={problems} optional extra={t('applications.form.greenCategoryHint')}>
          <Select
            id="f-loan-category"
            allowClear
            value={l.greenCategory}
            placeholder={t('applications.form.greenCategoryPlaceholder')}
            options={GREEN_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            onChange={(c) => set('loan', { greenCategory: c ?? null })}
          />
        </Field>
      </Col>
      <Col span={24}>
        <Field htmlFor="f-loan-project" label={t('applications.form.projectId')} path="loan.projectId" problems={problems} optional extra={lookup}>
          <Input
            id="f-loan-project"
            className="gd-mono-input"
            allowClear
            value={l.projectId}
            maxLength={64}
            placeholder={t('applications.form.projectIdPlaceholder')}
            onChange={(e) => set('loan', { projectId: e.target.value.trim() })}
          />
        </Field>
      </Col>
    </Row>
  );
}

function BlockSwitch({ on, onChange, label, offText, testId }: { on: boolean; onChange: (on: boolean) => void; label: string; offText: string; testId: string }) {
  return (
    <div className="gd-block-switch">
      <Switch checked={on} onChange={onChange} data-testid={testId} aria-label={label} />
      <span className="gd-block-switch-label">{label}</span>
      {!on ? <Alert className="gd-block-off" type="warning" showIcon title={offText} /> : null}
    </div>
  );
}

export function CarbonStep() {
  const { t } = useTranslation();
  const { values, update, set, problems } = useForm();
  const c = values.carbon;
  const unit = t('applications.units.intensity');
  const k = c.intensity !== null && c.industryAverage ? c.intensity / c.industryAverage : null;
  return (
    <>
      <BlockSwitch on={values.carbonOn} onChange={(on) => update((v) => ({ ...v, carbonOn: on }))} label={t('applications.form.carbonOn')} offText={t('applications.form.carbonOff')} testId="carbon-switch" />
      {values.carbonOn ? (
        <Row gutter={16}>
          <Col span={8}>
            <Field htmlFor="f-carbon-intensity" label={t('applications.form.intensity')} path="carbon.intensity" problems={problems} optional>
              <Num id="f-carbon-intensity" value={c.intensity} unit={unit} precision={4} step={0.01} onChange={(v) => set('carbon', { intensity: v })} />
            </Field>
          </Col>
          <Col span={8}>
            <Field htmlFor="f-carbon-average" label={t('applications.form.industryAverage')} path="carbon.industryAverage" problems={problems} optional>
              <Num id="f-carbon-average" value={c.industryAverage} unit={unit} precision={4} step={0.01} onChange={(v) => set('carbon', { industryAverage: v })} />
            </Field>
          </Col>
          <Col span={8}>
            <Field htmlFor="f-carbon-previous" label={t('applications.form.previousIntensity')} path="carbon.previousIntensity" problems={problems} optional>
              <Num id="f-carbon-previous" value={c.previousIntensity} unit={unit} precision={4} step={0.01} onChange={(v) => set('carbon', { previousIntensity: v })} />
            </Field>
          </Col>
          {k !== null ? (
            <Col span={24}>
              <div className="gd-derived">{t('applications.form.kValue', { k: k.toFixed(3) })}</div>
            </Col>
          ) : null}
          <Col span={24}>
            <Field label={t('applications.form.dataQuality')} path="carbon.dataQuality" problems={problems} extra={t('applications.form.dataQualityHint')}>
              <Radio.Group
                className="gd-dq"
                value={c.dataQuality}
                onChange={(e) => set('carbon', { dataQuality: e.target.value as number })}
                options={([1, 2, 3, 4, 5] as const).map((q) => ({ value: q, label: t(`applications.form.dq.q${q}`) }))}
              />
            </Field>
          </Col>
          <Col span={12}>
            <Field htmlFor="f-carbon-emissions" label={t('applications.form.annualEmissions')} path="carbon.annualEmissionsT" problems={problems} optional>
              <Num id="f-carbon-emissions" value={c.annualEmissionsT} unit={t('applications.units.tco2')} precision={2} onChange={(v) => set('carbon', { annualEmissionsT: v })} />
            </Field>
          </Col>
          <Col span={12}>
            <Field htmlFor="f-carbon-verified" label={t('applications.form.verifiedReduction')} path="carbon.verifiedReductionT" problems={problems} optional extra={t('applications.form.verifiedHint')}>
              <Num id="f-carbon-verified" value={c.verifiedReductionT} unit={t('applications.units.tco2e')} precision={2} onChange={(v) => set('carbon', { verifiedReductionT: v })} />
            </Field>
          </Col>
        </Row>
      ) : null}
    </>
  );
}

export function WasteStep() {
  const { t } = useTranslation();
  const { values, update, set, problems } = useForm();
  const w = values.waste;
  const h = values.hazardous;
  const tonnes = t('applications.units.tonnes');
  const denom = (w.generatedT ?? 0) + (w.stockpileUtilizedT ?? 0);
  const rate = w.generatedT !== null && w.utilizedT !== null && denom > 0 ? (w.utilizedT / denom) * 100 : null;
  return (
    <>
      <BlockSwitch on={values.wasteOn} onChange={(on) => update((v) => ({ ...v, wasteOn: on }))} label={t('applications.form.wasteOn')} offText={t('applications.form.wasteOff')} testId="waste-switch" />
      {values.wasteOn ? (
        <Row gutter={16}>
          <Col span={8}>
            <Field htmlFor="f-waste-generated" label={t('applications.form.generated')} path="waste.generatedT" problems={problems} optional>
              <Num id="f-waste-generated" value={w.generatedT} unit={tonnes} precision={2} onChange={(v) => set('waste', { generatedT: v })} />
            </Field>
          </Col>
          <Col span={8}>
            <Field htmlFor="f-waste-utilized" label={t('applications.form.utilized')} path="waste.utilizedT" problems={problems} optional>
              <Num id="f-waste-utilized" value={w.utilizedT} unit={tonnes} precision={2} onChange={(v) => set('waste', { utilizedT: v })} />
            </Field>
          </Col>
          <Col span={8}>
            <Field htmlFor="f-waste-stockpile" label={t('applications.form.stockpile')} path="waste.stockpileUtilizedT" problems={problems} optional>
              <Num id="f-waste-stockpile" value={w.stockpileUtilizedT} unit={tonnes} precision={2} onChange={(v) => set('waste', { stockpileUtilizedT: v })} />
            </Field>
          </Col>
          {rate !== null ? (
            <Col span={24}>
              <div className="gd-derived">{t('applications.form.utilisationRate', { rate: rate.toFixed(1) })}</div>
            </Col>
          ) : null}
          <Col span={12}>
            <Field htmlFor="f-waste-intensity" label={t('applications.form.wasteIntensity')} path="waste.intensity" problems={problems} optional>
              <Num id="f-waste-intensity" value={w.intensity} unit={t('applications.units.wasteIntensity')} precision={4} step={0.01} onChange={(v) => set('waste', { intensity: v })} />
            </Field>
          </Col>
          <Col span={12}>
            <Field htmlFor="f-waste-previous" label={t('applications.form.previousWasteIntensity')} path="waste.previousIntensity" problems={problems} optional>
              <Num id="f-waste-previous" value={w.previousIntensity} unit={t('applications.units.wasteIntensity')} precision={4} step={0.01} onChange={(v) => set('waste', { previousIntensity: v })} />
            </Field>
          </Col>
          <Col span={24}>
            <div className="gd-subblock">
              <div className="gd-block-switch">
                <Switch checked={values.hazardousOn} onChange={(on) => update((v) => ({ ...v, hazardousOn: on }))} aria-label={t('applications.form.hazardousOn')} />
                <span className="gd-block-switch-label">{t('applications.form.hazardousOn')}</span>
                {!values.hazardousOn ? <span className="gd-muted">{t('applications.form.hazardousOff')}</span> : null}
              </div>
              {values.hazardousOn ? (
                <Row gutter={16}>
                  <Col span={8}>
                    <Field htmlFor="f-haz-generated" label={t('applications.form.hazardousGenerated')} path="waste.hazardous.generatedT" problems={problems}>
                      <Num id="f-haz-generated" value={h.generatedT} unit={tonnes} precision={2} onChange={(v) => set('hazardous', { generatedT: v })} />
                    </Field>
                  </Col>
                  <Col span={16}>
                    <Form.Item label={t('applications.form.hazardousHandling')}>
                      <Checkbox checked={h.licensedDisposal} onChange={(e) => set('hazardous', { licensedDisposal: e.target.checked })}>
                        {t('applications.form.licensed')}
                      </Checkbox>
                      <Checkbox checked={h.manifestsComplete} onChange={(e) => set('hazardous', { manifestsComplete: e.target.checked })}>
                        {t('applications.form.manifests')}
                      </Checkbox>
                      <Checkbox checked={h.ledgerComplete} onChange={(e) => set('hazardous', { ledgerComplete: e.target.checked })}>
                        {t('applications.form.ledger')}
                      </Checkbox>
                    </Form.Item>
                  </Col>
                  {!h.licensedDisposal ? (
                    <Col span={24}>
                      <Alert type="error" showIcon title={t('applications.form.unlicensedWarn')} />
                    </Col>
                  ) : null}
                </Row>
              ) : null}
            </div>
          </Col>
        </Row>
      ) : null}
    </>
  );
}

const RATING_DOTS: Record<EnvCreditRating, string> = { green: '#2e9e4f', blue: '#2f6fd0', yellow: '#e0b100', red: '#d03b2f', unrated: '#a0a8a3' };

export function EnvCreditStep() {
  const { t } = useTranslation();
  const { values, update, set, problems } = useForm();
  const setViolation = (key: string, patch: Partial<ApplicationFormValues['violations'][number]>) =>
    update((v) => ({ ...v, violations: v.violations.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));
  const setKpi = (key: string, patch: Partial<ApplicationFormValues['kpis'][number]>) =>
    update((v) => ({ ...v, kpis: v.kpis.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));
  return (
    <>
      <Row gutter={16}>
        <Col span={24}>
          <Field label={t('applications.form.rating')} path="envCredit.rating" problems={problems} optional extra={t('applications.form.ratingHint')}>
            <Radio.Group
              className="gd-rating"
              optionType="button"
              value={values.envCredit.rating}
              onChange={(e) => set('envCredit', { rating: e.target.value as EnvCreditRating })}
              options={ENV_CREDIT_RATINGS.map((r) => ({
                value: r,
                label: (
                  <span className="gd-rating-option">
                    <span className="gd-rating-dot" style={{ background: RATING_DOTS[r] }} aria-hidden />
                    {t(`applications.ratings.${r}`)}
                  </span>
                ),
              }))}
            />
          </Field>
        </Col>
        <Col span={8}>
          <Field htmlFor="f-env-year" label={t('applications.form.ratingYear')} path="envCredit.year" problems={problems} optional>
            <Num id="f-env-year" value={values.envCredit.year} unit={t('applications.units.year')} min={2000} max={2100} precision={0} onChange={(v) => set('envCredit', { year: v })} />
          </Field>
        </Col>
      </Row>

      <div className="gd-list-block">
        <div className="gd-list-head">
          <span className="gd-list-title">{t('applications.form.violations')}</span>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => update((v) => ({ ...v, violations: [...v.violations, { key: newKey(), date: '', kind: null, amountYuan: null }] }))}
          >
            {t('applications.form.addViolation')}
          </Button>
        </div>
        {values.violations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.form.noViolations')} className="gd-list-empty" />
        ) : (
          values.violations.map((v, i) => (
            <Row gutter={8} key={v.key} className="gd-list-row" align="top">
              <Col span={6}>
                <Field label={t('applications.form.violationDate')} path={`violations.${i}.date`} problems={problems}>
                  <Input type="date" value={v.date} onChange={(e) => setViolation(v.key, { date: e.target.value })} />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('applications.form.violationKind')} path={`violations.${i}.kind`} problems={problems}>
                  <Select<ViolationKind>
                    value={v.kind}
                    placeholder={t('applications.form.violationKindPlaceholder')}
                    options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`applications.violationKinds.${k}`) }))}
                    onChange={(k) => setViolation(v.key, { kind: k })}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={t('applications.form.violationAmount')} path={`violations.${i}.amountYuan`} problems={problems} optional>
                  <Num value={v.amountYuan} unit={t('applications.units.yuan')} precision={2} disabled={v.kind !== null && v.kind !== 'fine'} onChange={(x) => setViolation(v.key, { amountYuan: x })} />
                </Field>
              </Col>
              <Col span={2} className="gd-list-remove">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('applications.form.remove')} onClick={() => update((x) => ({ ...x, violations: x.violations.filter((y) => y.key !== v.key) }))} />
              </Col>
            </Row>
          ))
        )}
      </div>

      <div className="gd-list-block">
        <div className="gd-list-head">
          <span className="gd-list-title">{t('applications.form.kpis')}</span>
          <span className="gd-muted">{t('applications.form.kpisHint')}</span>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => update((v) => ({ ...v, kpis: [...v.kpis, { key: newKey(), name: '', target: '', due: '' }] }))}
          >
            {t('applications.form.addKpi')}
          </Button>
        </div>
        {values.kpis.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.form.noKpis')} className="gd-list-empty" />
        ) : (
          values.kpis.map((k, i) => (
            <Row gutter={8} key={k.key} className="gd-list-row" align="top">
              <Col span={10}>
                <Field label={t('applications.form.kpiName')} path={`transitionPlan.kpis.${i}.name`} problems={problems}>
                  <Input value={k.name} maxLength={200} placeholder={t('applications.form.kpiNamePlaceholder')} onChange={(e) => setKpi(k.key, { name: e.target.value })} />
                </Field>
              </Col>
              <Col span={6}>
                <Field label={t('applications.form.kpiTarget')} path={`transitionPlan.kpis.${i}.target`} problems={problems} optional>
                  <Input value={k.target} maxLength={100} placeholder="-8%" onChange={(e) => setKpi(k.key, { target: e.target.value })} />
                </Field>
              </Col>
              <Col span={6}>
                <Field label={t('applications.form.kpiDue')} path={`transitionPlan.kpis.${i}.due`} problems={problems}>
                  <Input type="date" value={k.due} onChange={(e) => setKpi(k.key, { due: e.target.value })} />
                </Field>
              </Col>
              <Col span={2} className="gd-list-remove">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('applications.form.remove')} onClick={() => update((x) => ({ ...x, kpis: x.kpis.filter((y) => y.key !== k.key) }))} />
              </Col>
            </Row>
          ))
        )}
      </div>
    </>
  );
}
