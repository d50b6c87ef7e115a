/**
 * The guided application form: enterprise → loan → carbon → waste → environmental credit → result, with the live
 * score panel on the right on every step (the engine runs here on every change, debounced). Save draft
 * (applications.create/update), 评分并保存 (applications.score: the saved, immutable score), 提交审批. Enter moves to
 * the next field (and on the last one to the next step); Ctrl+S saves the draft.
 */
import { ArrowLeftOutlined, CalculatorOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Space, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/contract/client.js';
import { scoreApplicant, type LinkedProject, type ScoreResult } from '../../shared/scoring/engine.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { useApi } from '../api/client.js';
import { formatDateTime } from '../format.js';
import { PageHeader } from '../shell/PageHeader.js';
import { useApplicationFormStore, type LinkedLookup } from '../stores/applicationForm.js';
import { useApplicationsStore } from '../stores/applications.js';
import { useAuthStore } from '../stores/auth.js';
import { useScoringModelStore } from '../stores/scoringModel.js';
import { useUiStore } from '../stores/ui.js';
import { fieldProblems, liveInput, STEPS, stepOfPath } from './form-model.js';
import { hashPrefix, scoreText } from './format.js';
import { CarbonStep, EnterpriseStep, EnvCreditStep, LoanStep, WasteStep } from './FormSteps.js';
import { ScoreCardTable, BandTag } from './ScoreCard.js';
import { ScorePanel } from './ScorePanel.js';
import { WhatIf } from './WhatIf.js';

/** The live score is recomputed this long after the last change. */
export const LIVE_DEBOUNCE_MS = 80;

export function linkedProjectOf(linked: LinkedLookup): LinkedProject | null {
  if (linked.state === 'found') return { found: true, status: linked.project.status, name: linked.project.name, libraryVersion: linked.project.libraryVersion };
  if (linked.state === 'missing') return { found: false };
  return null;
}

/** Looks the linked project id up in the local library as it is typed (debounced). */
function useProjectLookup(): void {
  const client = useApi();
  const projectId = useApplicationFormStore((s) => s.values.loan.projectId.trim());
  const setLinked = useApplicationFormStore((s) => s.setLinked);
  useEffect(() => {
    if (!projectId) {
      setLinked({ state: 'none' });
      return;
    }
    const current = useApplicationFormStore.getState().linked;
    if (current.state !== 'none' && current.id === projectId && current.state !== 'error') return;
    setLinked({ state: 'loading', id: projectId });
    let live = true;
    const timer = setTimeout(() => {
      client.call('library.get', { id: projectId }).then(
        (project) => live && setLinked({ state: 'found', id: projectId, project }),
        (err: unknown) => {
          if (!live) return;
          if (err instanceof ApiError && err.code === 'NOT_FOUND') setLinked({ state: 'missing', id: projectId });
          else setLinked({ state: 'error', id: projectId, message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, projectId, setLinked]);
}

/** The engine's result on what is typed so far, recomputed at most every LIVE_DEBOUNCE_MS. */
function useLiveScore(): { input: ScoreInput; result: ScoreResult } | null {
  const values = useApplicationFormStore((s) => s.values);
  const linked = useApplicationFormStore((s) => s.linked);
  const model = useScoringModelStore((s) => s.model);
  const [live, setLive] = useState<{ input: ScoreInput; result: ScoreResult } | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (!model) return;
    const run = () => {
      try {
        const input = liveInput(values);
        setLive({ input, result: scoreApplicant(input, model, linkedProjectOf(linked)) });
      } catch {
        // Half-typed input never breaks the form; the panel keeps the last result.
      }
    };
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, LIVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [values, linked, model]);
  return live;
}

const FIELD_LABELS: Record<string, string> = {
  'applicant.name': 'name',
  'applicant.uscc': 'uscc',
  'applicant.district': 'district',
  'applicant.industryCode': 'industryCode',
  'loan.amountYuan': 'amount',
  'loan.termMonths': 'term',
  'loan.riskSpreadBps': 'spread',
  'loan.projectId': 'projectId',
  'carbon.dataQuality': 'dataQuality',
  'waste.utilizedT': 'utilized',
  'waste.hazardous.generatedT': 'hazardousGenerated',
};

export function ApplicationForm() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const client = useApi();
  const lang = useUiStore((s) => s.lang);
  const user = useAuthStore((s) => s.user);
  const form = useApplicationFormStore();
  const model = useScoringModelStore((s) => s.model);
  const modelError = useScoringModelStore((s) => s.error);
  const loadModel = useScoringModelStore((s) => s.load);
  const apps = useApplicationsStore();
  const live = useLiveScore();
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);

  useProjectLookup();
  useEffect(() => {
    void loadModel(client);
  }, [client, loadModel]);

  const readOnly = user?.role !== 'loan_officer' && user?.role !== 'admin';
  const last = STEPS.length - 1;
  const goTo = useCallback(
    (step: number) => {
      focusFirst.current = true;
      form.setStep(Math.max(0, Math.min(last, step)));
    },
    [form, last],
  );

  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    const first = bodyRef.current?.querySelector<HTMLElement>('input:not([disabled]):not([type=radio]):not([type=checkbox])');
    first?.focus();
  }, [form.step]);

  const saveDraft = useCallback(async () => {
    if (await useApplicationFormStore.getState().saveDraft(client)) {
      message.success(t('applications.form.saved'));
      apps.changed();
    }
  }, [client, message, t, apps]);

  const scoreAndSave = async () => {
    if (await form.scoreAndSave(client)) {
      message.success(t('applications.form.scored'));
      apps.changed();
      form.setStep(last);
    }
  };

  const submit = async () => {
    const id = await form.submit(client);
    if (id) {
      message.success(t('applications.form.submitted'));
      form.close();
      apps.setView('list');
      apps.openDetail(id);
      apps.changed();
    }
  };

  // Ctrl+S (⌘S) saves the draft wherever the focus is.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (useAuthStore.getState().locked || useApplicationFormStore.getState().busy) return;
        void saveDraft();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveDraft]);

  // Enter moves to the next field; on the step's last field, to the next step.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT') return;
    const type = (target as HTMLInputElement).type;
    if (type === 'radio' || type === 'checkbox') return;
    if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    e.stopPropagation();
    const fields = Array.from(bodyRef.current?.querySelectorAll<HTMLInputElement>('input:not([disabled])') ?? []).filter(
      (el) => el.type !== 'radio' && el.type !== 'checkbox' && el.type !== 'hidden' && !el.closest('.ant-select-selection-search-hidden'),
    );
    const next = fields[fields.indexOf(target as HTMLInputElement) + 1];
    if (next) next.focus();
    else if (form.step < last) goTo(form.step + 1);
  };

  const problems = fieldProblems(form.values, form.showRequired);
  for (const p of form.problems) problems[p.path] ??= p.code;
  const stepsWithProblems = new Set(Object.keys(problems).map(stepOfPath));
  const stepItems = STEPS.map((key, i) => ({
    key,
    title: t(`applications.form.steps.${key}`),
    ...(stepsWithProblems.has(i) && i !== form.step ? { status: 'error' as const } : {}),
  }));

  const saved = form.savedScore;
  const title = form.id ? t('applications.form.titleEdit', { id: form.id }) : t('applications.form.titleNew');

  const back = () => {
    const leave = () => {
      form.close();
      apps.setView('list');
    };
    if (!form.dirty) return leave();
    modal.confirm({
      title: t('applications.form.leaveTitle'),
      content: t('applications.form.leaveBody'),
      okText: t('applications.form.leaveOk'),
      cancelText: t('applications.cancel'),
      onOk: leave,
    });
  };

  const liveProject = useMemo(() => linkedProjectOf(form.linked), [form.linked]);

  return (
    <section aria-labelledby="gd-form-title" className="gd-app-form">
      <PageHeader
        title={<span id="gd-form-title">{title}</span>}
        subtitle={t('applications.form.keyboardHint')}
        extra={
          <Space>
            <span className="gd-muted" data-testid="save-state">
              {form.dirty ? t('applications.form.dirty') : form.savedAt ? t('applications.form.savedAt', { time: formatDateTime(form.savedAt, lang) }) : ''}
            </span>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              {t('applications.form.back')}
            </Button>
          </Space>
        }
      />
      <Card size="small" className="gd-steps-card">
        <Steps size="small" current={form.step} onChange={goTo} items={stepItems} />
      </Card>
      <div className="gd-form-layout">
        <div className="gd-form-main">
          {form.error ? (
            <Alert className="gd-form-alert" type="error" showIcon closable={{ onClose: form.clearError }} title={form.error.message} description={form.error.code} role="alert" />
          ) : null}
          {form.showRequired && Object.keys(problems).length > 0 ? (
            <Alert
              className="gd-form-alert"
              type="warning"
              showIcon
              title={t('applications.form.problemsTitle')}
              description={
                <ul className="gd-problem-list">
                  {Object.entries(problems).map(([path, code]) => (
                    <li key={path}>
                      <a onClick={() => goTo(stepOfPath(path))}>
                        {t(`applications.form.steps.${STEPS[stepOfPath(path)]!}`)} ·{' '}
                        {FIELD_LABELS[path] ? t(`applications.form.${FIELD_LABELS[path]}` as 'applications.form.name') : path}
                      </a>
                      ：{t(`applications.errors.${code}` as 'applications.errors.REQUIRED', { defaultValue: t('applications.errors.INVALID') })}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Card size="small" className="gd-step-card" title={t(`applications.form.steps.${STEPS[form.step]!}`)} extra={<span className="gd-muted">{t(`applications.form.stepHints.${STEPS[form.step]!}`)}</span>}>
            <div ref={bodyRef} onKeyDownCapture={onKeyDownCapture} data-step={STEPS[form.step]}>
              <Form layout="vertical" component="div" disabled={readOnly} className="gd-form">
                {form.step === 0 ? <EnterpriseStep model={model} /> : null}
                {form.step === 1 ? <LoanStep /> : null}
                {form.step === 2 ? <CarbonStep /> : null}
                {form.step === 3 ? <WasteStep /> : null}
                {form.step === 4 ? <EnvCreditStep /> : null}
              </Form>
              {form.step === last ? (
                <div className="gd-result-step">
                  {saved ? (
                    <Alert
                      className="gd-form-alert"
                      type={form.dirty ? 'warning' : 'success'}
                      showIcon
                      data-testid="saved-score"
                      title={
                        <span>
                          {t('applications.form.savedScoreTitle', { score: scoreText(saved.result.score) })} <BandTag band={saved.result.band} />
                        </span>
                      }
                      description={
                        <>
                          <div>
                            {t('applications.form.savedScoreMeta', {
                              model: saved.modelId,
                              at: formatDateTime(saved.createdAt, lang),
                              by: saved.createdBy,
                              hash: hashPrefix(saved.inputHash),
                            })}
                          </div>
                          <div>{form.dirty ? t('applications.form.liveVsSaved') : t('applications.form.immutable')}</div>
                        </>
                      }
                    />
                  ) : (
                    <Alert className="gd-form-alert" type="info" showIcon title={t('applications.form.notScoredYet')} />
                  )}
                  {live ? <ScoreCardTable result={live.result} /> : null}
                  {live && model ? <WhatIf input={live.input} model={model} project={liveProject} base={live.result} /> : null}
                </div>
              ) : null}
            </div>
          </Card>
          <div className="gd-form-footer">
            <Space>
              <Button disabled={form.step === 0} onClick={() => goTo(form.step - 1)}>
                {t('applications.form.prev')}
              </Button>
              <Button disabled={form.step === last} onClick={() => goTo(form.step + 1)}>
                {t('applications.form.next')}
              </Button>
            </Space>
            {readOnly ? null : (
              <Space>
                <Button icon={<SaveOutlined />} loading={form.busy === 'draft'} disabled={form.busy !== null && form.busy !== 'draft'} onClick={() => void saveDraft()}>
                  {t('applications.form.saveDraft')}
                </Button>
                <Button icon={<CalculatorOutlined />} loading={form.busy === 'score'} disabled={form.busy !== null && form.busy !== 'score'} onClick={() => void scoreAndSave()}>
                  {t('applications.form.scoreAndSave')}
                </Button>
                <Button type="primary" icon={<SendOutlined />} loading={form.busy === 'submit'} disabled={form.busy !== null && form.busy !== 'submit'} onClick={() => void submit()}>
                  {t('applications.form.submit')}
                </Button>
              </Space>
            )}
          </div>
        </div>
        <aside className="gd-form-aside" aria-label={t('applications.panel.title')}>
          <ScorePanel result={live?.result ?? null} modelId={model?.id ?? null} modelError={modelError} />
        </aside>
      </div>
    </section>
  );
}
