/**
 * The score explained: the band as a tag, each factor with its points, maximum and the engine's reason, the blocks
 * and caps in plain words, and the price. Used by the live panel, the detail drawer and the printed sheet.
 */
import { Progress, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreResult } from '../../shared/scoring/engine.js';
import type { Band } from '../../shared/scoring/model.js';
import { BAND_COLORS, bpText, pointsText, pricingLine, rateText, scoreText } from './format.js';

export const DIMENSIONS = [
  ['carbon', ['A1', 'A2']],
  ['waste', ['B1', 'B2', 'B3']],
  ['envCredit', ['C']],
  ['projectMatch', ['D']],
] as const;

export function BandTag({ band, large = false }: { band: Band | string; large?: boolean }) {
  const color = BAND_COLORS[band as Band] ?? '#8c8c8c';
  return (
    <Tag className={large ? 'gd-band gd-band-large' : 'gd-band'} color={color} variant="solid" data-band={band}>
      {band}
    </Tag>
  );
}

/** Each factor with a bar, grouped by dimension (the live panel). */
export function FactorList({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  return (
    <div className="gd-factors" data-testid="factor-list">
      {DIMENSIONS.map(([dim, codes]) => {
        const factors = result.factors.filter((f) => (codes as readonly string[]).includes(f.code));
        const max = factors.reduce((s, f) => s + f.max, 0);
        return (
          <div key={dim} className="gd-factor-group">
            <div className="gd-factor-group-head">
              <span>{t(`applications.panel.dims.${dim}`)}</span>
              <span className="gd-factor-points">
                {pointsText(result.dimensions[dim])} / {max}
              </span>
            </div>
            {factors.map((f) => (
              <div key={f.code} className="gd-factor" data-factor={f.code}>
                <div className="gd-factor-line">
                  <span className="gd-factor-code">{f.code}</span>
                  <span className="gd-factor-name">{t(`applications.factors.${f.code}`)}</span>
                  <Progress
                    className="gd-factor-bar"
                    percent={f.max > 0 ? (f.points / f.max) * 100 : 0}
                    showInfo={false}
                    size="small"
                    strokeColor={f.points === 0 ? '#d9d9d9' : '#3f9a5a'}
                  />
                  <span className={f.points === 0 ? 'gd-factor-points gd-zero' : 'gd-factor-points'}>
                    {pointsText(f.points)}/{f.max}
                  </span>
                </div>
                <div className="gd-factor-detail">{f.detail}</div>
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** Blocks and caps in plain words; "无" when there are none. */
export function Explanations({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  const blocks = result.explanations.filter((e) => e.kind === 'block');
  const caps = result.explanations.filter((e) => e.kind === 'cap');
  const list = (items: typeof blocks, kind: 'block' | 'cap') =>
    items.length === 0 ? (
      <span className="gd-muted">{t('applications.panel.none')}</span>
    ) : (
      <ul className={`gd-explanations gd-explanations-${kind}`}>
        {items.map((e) => (
          <li key={e.code} data-code={e.code}>
            <strong>{t(`applications.codes.${e.code}` as 'applications.codes.ENV_CREDIT_RED', { defaultValue: e.code })}</strong>
            <span className="gd-code">{e.code}</span>
            <div>{e.detail}</div>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="gd-explain" data-testid="explanations">
      <div className="gd-explain-row">
        <span className="gd-explain-label">{t('applications.panel.blocks')}</span>
        {list(blocks, 'block')}
      </div>
      <div className="gd-explain-row">
        <span className="gd-explain-label">{t('applications.panel.caps')}</span>
        {list(caps, 'cap')}
      </div>
    </div>
  );
}

/** "LPR 3.00% − 25bp = 2.75%" and its parts, or "not eligible". */
export function PricingSummary({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  const p = result.pricing;
  if (!p) return <span className="gd-pricing gd-muted">{t('applications.panel.noPricing')}</span>;
  return (
    <div className="gd-pricing">
      <div className="gd-pricing-line" data-testid="pricing-line">
        {pricingLine(p)}
      </div>
      <div className="gd-pricing-parts">
        {t('applications.panel.pricingParts', {
          spread: bpText(p.riskSpreadBps),
          band: bpText(p.bandAdjustmentBps),
          library: bpText(p.libraryAdjustmentBps),
        })}
        {p.floorApplied ? ` · ${t('applications.panel.floorApplied')}` : ''}
      </div>
    </div>
  );
}

interface CardRow {
  key: string;
  dim: string;
  code: string;
  name: string;
  points: string;
  detail: string;
  span: number;
}

/** The full score card as a table (detail drawer, printed sheet). */
export function ScoreCardTable({ result, bordered = true }: { result: ScoreResult; bordered?: boolean }) {
  const { t } = useTranslation();
  const rows: CardRow[] = [];
  for (const [dim, codes] of DIMENSIONS) {
    const factors = result.factors.filter((f) => (codes as readonly string[]).includes(f.code));
    factors.forEach((f, i) =>
      rows.push({
        key: f.code,
        dim: `${t(`applications.panel.dims.${dim}`)} ${pointsText(result.dimensions[dim])}`,
        code: f.code,
        name: t(`applications.factors.${f.code}`),
        points: `${pointsText(f.points)} / ${f.max}`,
        detail: f.detail,
        span: i === 0 ? factors.length : 0,
      }),
    );
  }
  return (
    <Table<CardRow>
      className="gd-scorecard"
      size="small"
      bordered={bordered}
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('applications.card.dimension'), dataIndex: 'dim', width: 110, onCell: (r) => ({ rowSpan: r.span }) },
        { title: t('applications.card.factor'), key: 'factor', width: 150, render: (_, r) => `${r.code} ${r.name}` },
        { title: t('applications.card.points'), dataIndex: 'points', width: 80, align: 'right' },
        { title: t('applications.card.detail'), dataIndex: 'detail' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{t('applications.card.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong>{scoreText(result.score)} / 100</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3}>
            {t('applications.card.totalLine', {
              bandByScore: result.bandByScore,
              band: result.band,
              rate: result.pricing ? rateText(result.pricing.finalRateBps) : t('applications.panel.noPricing'),
            })}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
