/**
 * What-if on the result step: switches (and sliders for the targets) that change a copy of the input, each showing
 * how band and rate would move on its own, and all chosen together as before → after. Never saved.
 */
import { ArrowRightOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Card, Slider, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreApplicant, type LinkedProject, type ScoreResult } from '../../shared/scoring/engine.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import type { ScoringModel } from '../../shared/scoring/model.js';
import { rateText, scoreText } from './format.js';
import { BandTag } from './ScoreCard.js';
import { applyEnabled, applyWhatIf, DEFAULT_WHAT_IF, NEXT_RATING, utilisationPct, WHAT_IF_KEYS, type WhatIfKey, type WhatIfSettings } from './what-if.js';

function Outcome({ r }: { r: ScoreResult }) {
  const { t } = useTranslation();
  return (
    <span className="gd-whatif-outcome">
      <BandTag band={r.band} />
      <span className="gd-whatif-score">{t('applications.whatIf.points', { score: scoreText(r.score) })}</span>
      <span className="gd-whatif-rate">{r.pricing ? rateText(r.pricing.finalRateBps) : t('applications.panel.notEligible')}</span>
    </span>
  );
}

/** "评级 B → A · 利率 −15bp" for one scenario against the current result. */
function Delta({ before, after }: { before: ScoreResult; after: ScoreResult }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  const ds = Math.round((after.score - before.score) * 10) / 10;
  parts.push(t('applications.whatIf.scoreDelta', { delta: ds > 0 ? `+${ds}` : ds < 0 ? `−${-ds}` : '±0' }));
  if (after.band !== before.band) parts.push(t('applications.whatIf.bandDelta', { from: before.band, to: after.band }));
  if (before.pricing && after.pricing && before.pricing.finalRateBps !== after.pricing.finalRateBps) {
    const d = after.pricing.finalRateBps - before.pricing.finalRateBps;
    parts.push(t('applications.whatIf.rateDelta', { delta: `${d > 0 ? '+' : '−'}${Math.abs(d)}bp` }));
  } else if (!before.pricing && after.pricing) parts.push(t('applications.whatIf.becomesEligible'));
  const better = after.score > before.score || (after.pricing?.finalRateBps ?? 9999) < (before.pricing?.finalRateBps ?? 9999);
  return <span className={better ? 'gd-delta gd-delta-up' : 'gd-delta'}>{parts.join(' · ')}</span>;
}

export function WhatIf({ input, model, project, base }: { input: ScoreInput; model: ScoringModel; project: LinkedProject | null; base: ScoreResult }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<WhatIfSettings>(DEFAULT_WHAT_IF);
  const scenarios = useMemo(
    () =>
      WHAT_IF_KEYS.map((key) => {
        const changed = applyWhatIf(input, key, settings);
        return { key, result: changed ? scoreApplicant(changed, model, project) : null };
      }),
    [input, model, project, settings],
  );
  const anyOn = WHAT_IF_KEYS.some((k) => settings.enabled[k]);
  const combined = useMemo(() => scoreApplicant(applyEnabled(input, settings), model, project), [input, model, project, settings]);
  const toggle = (key: WhatIfKey, on: boolean) => setSettings((s) => ({ ...s, enabled: { ...s.enabled, [key]: on } }));
  const rating = input.envCredit?.rating ?? 'unrated';
  const nowUtil = utilisationPct(input);

  const label = (key: WhatIfKey) => {
    switch (key) {
      case 'utilisation':
        return t('applications.whatIf.utilisation', { pct: settings.utilisationPct });
      case 'transitionPlan':
        return t('applications.whatIf.transitionPlan');
      case 'envCreditUp':
        return NEXT_RATING[rating]
          ? t('applications.whatIf.envCreditUp', { from: t(`applications.ratingShort.${rating}`), to: t(`applications.ratingShort.${NEXT_RATING[rating]!}`) })
          : t('applications.whatIf.envCreditTop');
      case 'carbonDown':
        return t('applications.whatIf.carbonDown', { pct: settings.carbonDownPct });
    }
  };

  return (
    <Card
      className="gd-whatif"
      size="small"
      data-testid="what-if"
      title={
        <span>
          <ExperimentOutlined /> {t('applications.whatIf.title')}
        </span>
      }
      extra={<span className="gd-muted">{t('applications.whatIf.subtitle')}</span>}
    >
      <div className="gd-whatif-summary" data-testid="what-if-summary">
        <div>
          <div className="gd-score-label">{t('applications.whatIf.current')}</div>
          <Outcome r={base} />
        </div>
        <ArrowRightOutlined className="gd-whatif-arrow" aria-hidden />
        <div>
          <div className="gd-score-label">{anyOn ? t('applications.whatIf.combined') : t('applications.whatIf.pick')}</div>
          {anyOn ? <Outcome r={combined} /> : <span className="gd-muted">—</span>}
        </div>
        {anyOn ? (
          <div className="gd-whatif-summary-delta">
            <Delta before={base} after={combined} />
          </div>
        ) : null}
      </div>
      <div className="gd-whatif-list">
        {scenarios.map(({ key, result }) => (
          <div key={key} className="gd-whatif-item" data-scenario={key}>
            <Switch size="small" checked={settings.enabled[key]} disabled={!result} onChange={(on) => toggle(key, on)} aria-label={label(key)} />
            <div className="gd-whatif-item-body">
              <div className="gd-whatif-item-title">{label(key)}</div>
              {key === 'utilisation' ? (
                <div className="gd-whatif-slider">
                  <Slider
                    min={60}
                    max={100}
                    step={5}
                    value={settings.utilisationPct}
                    onChange={(v) => setSettings((s) => ({ ...s, utilisationPct: v }))}
                    tooltip={{ formatter: (v) => `${v}%` }}
                  />
                  <span className="gd-muted">
                    {nowUtil === null ? t('applications.whatIf.noWasteData') : t('applications.whatIf.nowUtil', { pct: nowUtil.toFixed(1) })}
                  </span>
                </div>
              ) : null}
              {key === 'carbonDown' ? (
                <div className="gd-whatif-slider">
                  <Slider min={5} max={30} step={5} value={settings.carbonDownPct} onChange={(v) => setSettings((s) => ({ ...s, carbonDownPct: v }))} tooltip={{ formatter: (v) => `${v}%` }} />
                </div>
              ) : null}
              <div className="gd-whatif-item-result">
                {result ? (
                  <>
                    <Outcome r={result} /> <Delta before={base} after={result} />
                  </>
                ) : (
                  <span className="gd-muted">{t(`applications.whatIf.na.${key}`)}</span>
                )}
              </div>
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
