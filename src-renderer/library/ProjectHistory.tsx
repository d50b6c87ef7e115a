/**
 * A project's versions ('library.history', newest first): each version with the fields that changed against the
 * one before, by their Chinese names, and old → new values.
 */
import { Alert, Skeleton, Tag, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract/methods.js';
import { formatWanYuan } from '../../shared/domain/money.js';
import type { ExpectedBenefits, Project } from '../../shared/domain/project.js';
import { useApi } from '../api/client.js';
import { formatQuantity } from '../format.js';
import type { Lang } from '../../shared/i18n/errors.js';
import { domainLabels, type DomainLabels } from './labels.js';

export type HistoryItem = Output<'library.history'>['items'][number];

export interface FieldChange {
  field: string;
  label: string;
  /** Null when there is no earlier version to compare with. */
  from: string | null;
  to: string;
}

const BENEFIT_LABELS: Record<keyof ExpectedBenefits, 'project.carbonReduction' | 'project.energySaved' | 'project.wasteUtilized' | 'project.hazardousDisposed'> = {
  carbonReductionT: 'project.carbonReduction',
  energySavedTce: 'project.energySaved',
  wasteUtilizedT: 'project.wasteUtilized',
  hazardousDisposedT: 'project.hazardousDisposed',
};

const FIELD_LABELS = {
  library: 'project.library',
  name: 'project.name',
  ownerName: 'project.owner',
  ownerUscc: 'project.uscc',
  district: 'project.district',
  industryCode: 'project.industryCode',
  category: 'project.category',
  totalInvestmentFen: 'project.totalInvestment',
  financingNeedFen: 'project.financingNeed',
  expectedBenefits: 'project.benefits',
  sourceDept: 'project.sourceDept',
  status: 'project.status',
  listedAt: 'project.listedAt',
  updatedAt: 'project.updatedAt',
} as const;

function isField(f: string): f is keyof typeof FIELD_LABELS {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, f);
}

/** A field's value as people read it (names for codes, 万元 for money). */
function show(field: keyof typeof FIELD_LABELS, p: Project, labels: DomainLabels, t: TFunction): string {
  const v = p[field];
  switch (field) {
    case 'library':
      return labels.library(p.library);
    case 'district':
      return labels.district(p.district);
    case 'category':
      return labels.category(p.category);
    case 'status':
      return labels.status(p.status);
    case 'totalInvestmentFen':
    case 'financingNeedFen':
      return formatWanYuan(v as number);
    default:
      return typeof v === 'string' && v !== '' ? v : t('project.emptyValue');
  }
}

/** What changed in `item` against `older` (the version before it), by the names the drawer uses. */
export function describeChanges(item: HistoryItem, older: Project | null, t: TFunction, lang: Lang): FieldChange[] {
  const labels = domainLabels(lang);
  const out: FieldChange[] = [];
  for (const field of item.changed) {
    if (field === 'expectedBenefits') {
      const before = older?.expectedBenefits;
      const after = item.project.expectedBenefits;
      for (const k of Object.keys(BENEFIT_LABELS) as (keyof ExpectedBenefits)[]) {
        if (before && before[k] === after[k]) continue;
        out.push({ field: `expectedBenefits.${k}`, label: t(BENEFIT_LABELS[k]), from: before ? formatQuantity(before[k], lang) : null, to: formatQuantity(after[k], lang) });
      }
      continue;
    }
    if (!isField(field)) {
      out.push({ field, label: field, from: null, to: '' });
      continue;
    }
    out.push({ field, label: t(FIELD_LABELS[field]), from: older ? show(field, older, labels, t) : null, to: show(field, item.project, labels, t) });
  }
  return out;
}

export function ProjectHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useApi();
  const [state, setState] = useState<{ id: string; items: HistoryItem[] | null; error: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    client.call('library.history', { id }).then(
      (res) => live && setState({ id, items: res.items, error: null }),
      (err: unknown) => live && setState({ id, items: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  const current = state && state.id === id ? state : null;
  if (!current) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (current.error || !current.items) return <Alert type="error" showIcon title={t('project.historyLoadError')} description={current.error} />;
  const items = current.items;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Timeline
      className="gd-history"
      items={items.map((item, i) => {
        const older = items[i + 1]?.project ?? null;
        const first = older === null && item.changed.length === 0;
        const changes = first ? [] : describeChanges(item, older, t, lang);
        return {
          key: item.libraryVersion,
          color: i === 0 ? 'green' : 'gray',
          content: (
            <div className="gd-history-item" data-testid="history-item">
              <div className="gd-history-head">
                <strong>{t('project.historyVersion', { version: item.libraryVersion })}</strong>
                {i === 0 ? (
                  <Tag color="green" variant="filled" style={{ marginInlineEnd: 0 }}>
                    {t('project.historyCurrent')}
                  </Tag>
                ) : null}
                <span className="gd-history-meta">
                  {first
                    ? t('project.historyFirst')
                    : changes.length > 0
                      ? t('project.historyChanged', { n: changes.length })
                      : t('project.historyNoChange')}
                  {item.project.updatedAt ? ` · ${t('project.updatedAt')} ${item.project.updatedAt}` : ''}
                </span>
              </div>
              {changes.length > 0 ? (
                <ul className="gd-history-changes">
                  {changes.map((c) => (
                    <li key={c.field}>
                      <span className="gd-history-field">{c.label}</span>
                      {c.from !== null ? (
                        <>
                          <span className="gd-history-old">{c.from}</span>
                          <span className="gd-history-arrow" aria-label="→">
                            →
                          </span>
                        </>
                      ) : null}
                      <span className="gd-history-new">{c.to}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
