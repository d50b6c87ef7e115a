/** One loan's history (loans.timeline): disbursements, payments, checks and measures, in date order. */
import { Alert, Empty, Spin, Tag, Timeline } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { PURPOSE_NAMES_ZH } from '../../shared/postloan/engine.js';
import type { Purpose } from '../../shared/postloan/rules.js';
import { useApi } from '../api/client.js';
import { VERDICT_COLORS } from './model.js';

type Item = Output<'loans.timeline'>['items'][number];
const COLORS = { disbursement: 'blue', payment: 'gray', check: 'green', measure: 'red' } as const;
const MEASURE_KINDS = ['warning', 'rectification_deadline', 'disbursement_suspended', 'early_recall', 'green_label_removed', 'reported'] as const;

export function yuanFromFen(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function LoanTimeline({ loanId, refreshKey = 0 }: { loanId: string; refreshKey?: number }) {
  const client = useApi();
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.call('loans.timeline', { loanId }).then(
      (out) => live && (setItems(out.items), setError(null)),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [client, loanId, refreshKey]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!items) return <Spin />;
  if (!items.length) return <Empty description={t('postloan.timeline.empty')} />;
  const describe = (i: Item) => {
    const d = i.detail;
    const parts: ReactNode[] = [];
    if (typeof d.amountFen === 'number') parts.push(t('postloan.timeline.amount', { v: yuanFromFen(d.amountFen) }));
    if (typeof d.payee === 'string') parts.push(d.payee);
    if (typeof d.purpose === 'string') parts.push(PURPOSE_NAMES_ZH[d.purpose as Purpose] ?? d.purpose);
    if (typeof d.invoiceNo === 'string') parts.push(d.invoiceNo);
    if (typeof d.verdict === 'string') parts.push(<Tag key="v" color={VERDICT_COLORS[d.verdict]}>{t(`postloan.verdict.${d.verdict as 'compliant'}`)}</Tag>);
    if (typeof d.nextDue === 'string') parts.push(t('postloan.timeline.nextDue', { d: d.nextDue }));
    if (typeof d.reason === 'string') parts.push(d.reason);
    if (typeof d.deadline === 'string') parts.push(t('postloan.timeline.deadline', { d: d.deadline }));
    return parts.map((p, k) => (
      <span key={k} className="gd-timeline-part">
        {p}
      </span>
    ));
  };
  const title = (i: Item) =>
    i.kind === 'measure' && (MEASURE_KINDS as readonly string[]).includes(i.title)
      ? `${t('postloan.timeline.kinds.measure')}：${t(`postloan.measures.kinds.${i.title as 'warning'}`)}`
      : i.kind === 'disbursement'
        ? t('postloan.timeline.kinds.disbursement')
        : i.title;
  return (
    <div data-testid="loan-timeline">
    <Timeline
      items={items.map((i) => ({
        color: COLORS[i.kind],
        key: `${i.kind}-${i.at}-${i.title}-${JSON.stringify(i.detail)}`,
        content: (
          <div data-kind={i.kind} className="gd-timeline-item">
            <div>
              <b>{i.at}</b> · {title(i)}
            </div>
            <div className="gd-timeline-detail">{describe(i)}</div>
          </div>
        ),
      }))}
    />
    </div>
  );
}
