/**
 * The live score panel beside the guided form: the engine's result on what is typed so far (score, band,
 * eligibility, price, credit-line factor, CERF, blocks and caps, every factor with its reason).
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreResult } from '../../shared/scoring/engine.js';
import { formatQuantity } from '../format.js';
import { useUiStore } from '../stores/ui.js';
import { scoreText } from './format.js';
import { BandTag, Explanations, FactorList, PricingSummary } from './ScoreCard.js';

export function ScorePanel({ result, modelId, modelError }: { result: ScoreResult | null; modelId: string | null; modelError: string | null }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  return (
    <Card
      className="gd-score-panel"
      size="small"
      title={
        <div className="gd-score-panel-title">
          <span>{t('applications.panel.title')}</span>
          {modelId ? <span className="gd-score-panel-model">{t('applications.panel.model', { model: modelId })}</span> : null}
        </div>
      }
      data-testid="score-panel"
      aria-live="polite"
    >
      {modelError ? (
        <Alert type="error" showIcon title={t('applications.panel.modelError', { message: modelError })} />
      ) : !result ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <div className="gd-score-head">
            <div className="gd-score-big">
              <span className="gd-score-value" data-testid="live-score">
                {scoreText(result.score)}
              </span>
              <span className="gd-score-of">/100</span>
            </div>
            <div className="gd-score-band">
              <BandTag band={result.band} large />
              {result.band !== result.bandByScore ? (
                <div className="gd-score-byscore">{t('applications.panel.bandByScore', { band: result.bandByScore })}</div>
              ) : null}
            </div>
            <div className={result.eligible ? 'gd-eligible gd-eligible-yes' : 'gd-eligible gd-eligible-no'} data-testid="eligibility">
              {result.eligible ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
              <span>{result.eligible ? t('applications.panel.eligible') : t('applications.panel.notEligible')}</span>
            </div>
          </div>
          <div className="gd-score-rate">
            <div className="gd-score-label">{t('applications.panel.rate')}</div>
            <PricingSummary result={result} />
          </div>
          <div className="gd-score-facts">
            <div>
              <span className="gd-score-label">{t('applications.panel.creditLine')}</span>
              <strong>{result.creditLineFactor.toFixed(1)}</strong>
            </div>
            <div>
              <span className="gd-score-label">{t('applications.panel.cerf')}</span>
              <strong>
                {result.cerf.eligible
                  ? t('applications.panel.cerfYes', { t: formatQuantity(result.cerf.annualReductionT ?? 0, lang) })
                  : t('applications.panel.cerfNo')}
              </strong>
            </div>
          </div>
          <Explanations result={result} />
          <FactorList result={result} />
        </>
      )}
    </Card>
  );
}
