/**
 * "版本 42 · 3 天前同步": how fresh the local library copy is, from 'app.info'. Past 90 days (DOMAIN.md:
 * STALE_LIBRARY) the badge turns orange and its tooltip says why that matters.
 */
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysSince, formatDateTime } from '../format.js';
import { useStatusStore } from '../stores/status.js';
import { useUiStore } from '../stores/ui.js';

/** Days after the last sync from which the library counts as stale (DOMAIN.md STALE_LIBRARY). */
export const STALE_AFTER_DAYS = 90;

export function Freshness({ now }: { now?: Date }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const library = useStatusStore((s) => s.info?.library ?? null);
  const info = useStatusStore((s) => s.info);
  if (!info) return null;
  if (!library) return <span className="gd-freshness gd-freshness-none">{t('freshness.none')}</span>;
  const days = daysSince(library.syncedAt, now);
  const ago =
    days === null ? t('common.none') : days === 0 ? t('freshness.today') : days === 1 ? t('freshness.yesterday') : t('freshness.daysAgo', { count: days });
  const stale = days !== null && days > STALE_AFTER_DAYS;
  const where = `${library.issuer} · ${t(`freshness.source_${library.source}`)} · ${formatDateTime(library.syncedAt, lang)}`;
  return (
    <Tooltip
      title={
        stale ? (
          <>
            <strong>{t('freshness.staleTitle')}</strong>
            <div>{t('freshness.staleBody', { days })}</div>
            <div style={{ opacity: 0.8, marginTop: 4 }}>{where}</div>
          </>
        ) : (
          where
        )
      }
    >
      <span className={stale ? 'gd-freshness gd-freshness-stale' : 'gd-freshness'} data-testid="library-freshness" data-stale={stale ? 'true' : 'false'} tabIndex={0}>
        {stale ? <WarningOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
        {t('freshness.line', { version: library.version, ago })}
      </span>
    </Tooltip>
  );
}
