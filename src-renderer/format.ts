/** Dates and numbers as Jiangmen users read them: Asia/Shanghai time, grouped digits. */
import type { Lang } from '../shared/i18n/errors.js';

const TZ = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Whole calendar days (Asia/Shanghai) from an ISO timestamp to now; never negative. */
export function daysSince(iso: string, now: Date = new Date()): number | null {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  const a = Date.parse(`${shanghaiDate(then)}T00:00:00Z`);
  const b = Date.parse(`${shanghaiDate(now)}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / 86_400_000));
}

export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
}

/** A plain quantity (tonnes, tce) with at most two decimals. */
export function formatQuantity(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 });
}
