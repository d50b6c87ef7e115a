/** How scores, bands, rates and statuses read on screen and on paper. */
import type { ApplicationStatus } from '../../shared/applications/lifecycle.js';
import type { Band } from '../../shared/scoring/model.js';

const MINUS = '−';

/** Basis points with a sign: "+45bp", "−25bp", "0bp". */
export function bpText(bps: number): string {
  if (bps === 0) return '0bp';
  return `${bps > 0 ? '+' : MINUS}${Math.abs(bps)}bp`;
}

/** A rate in basis points as a percentage: 275 → "2.75%". */
export function rateText(bps: number): string {
  return `${(bps / 100).toFixed(2)}%`;
}

/** "LPR 3.00% − 25bp = 2.75%": the LPR, the net adjustment, and the final rate. */
export function pricingLine(p: { lprBps: number; finalRateBps: number }): string {
  const net = p.finalRateBps - p.lprBps;
  if (net === 0) return `LPR ${rateText(p.lprBps)} = ${rateText(p.finalRateBps)}`;
  return `LPR ${rateText(p.lprBps)} ${net > 0 ? '+' : MINUS} ${Math.abs(net)}bp = ${rateText(p.finalRateBps)}`;
}

/** The score as the model keeps it (one decimal, trailing .0 dropped). */
export function scoreText(score: number): string {
  return String(Math.round(score * 10) / 10);
}

export function pointsText(points: number): string {
  return String(Math.round(points * 10) / 10);
}

export const BAND_COLORS: Record<Band, string> = {
  A: '#1e7b45',
  B: '#3f9a5a',
  C: '#c8961a',
  D: '#d9722b',
  E: '#c0392b',
};

export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  disbursed: 'cyan',
  closed: 'default',
};

export function isBand(value: unknown): value is Band {
  return value === 'A' || value === 'B' || value === 'C' || value === 'D' || value === 'E';
}

/** The short id prefix of an input hash, for history lines. */
export function hashPrefix(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}
