/** "版本 42 · 3 天前同步": how fresh the local library copy is, from 'app.info'. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysSince, formatDateTime } from '../format.js';
import { useStatusStore } from '../stores/status.js';
import { useUiStore } from '../stores/ui.js';

export function Freshness({ now }: { now?: Date }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.lang);
  const library = useStatusStore((s) => s.info?.library ?? null);
  const info = useStatusStore((s) => s.info);
  if (!info) return null;
  if (!library) return <span className="gd-freshness">{t('freshness.none')}</span>;
  const days = daysSince(library.syncedAt, now);
  const ago =
    days === null ? t('common.none') : days === 0 ? t('freshness.today') : days === 1 ? t('freshness.yesterday') : t('freshness.daysAgo', { count: days });
  return (
    <Tooltip title={`${library.issuer} · ${t(`freshness.source_${library.source}`)} · ${formatDateTime(library.syncedAt, lang)}`}>
      <span className="gd-freshness" data-testid="library-freshness">
        <ClockCircleOutlined aria-hidden />
        {t('freshness.line', { version: library.version, ago })}
      </span>
    </Tooltip>
  );
}
