/** "3 分钟前", "2 天前": how long ago an instant was, in the UI language. */
import type { TFunction } from 'i18next';

export function agoText(iso: string, t: TFunction, now: number = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return t('hubsync.ago.justNow');
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return t('hubsync.ago.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('hubsync.ago.hours', { n: hours });
  return t('hubsync.ago.days', { n: Math.floor(hours / 24) });
}
