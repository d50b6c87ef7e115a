/** Money is integer 分 (fen) everywhere; conversions from the units people write happen once, here. */

const MAX_FEN = Number.MAX_SAFE_INTEGER;

/** Yuan with at most two decimals → fen, or null if not a finite, non-negative amount with ≤ 2 decimals. */
export function yuanToFen(yuan: number): number | null {
  if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0) return null;
  const fen = Math.round(yuan * 100);
  if (Math.abs(fen - yuan * 100) > 1e-6 * Math.max(1, Math.abs(yuan))) return null;
  if (fen > MAX_FEN) return null;
  return fen;
}

/** 万元 (ten-thousands of yuan) as written in a spreadsheet, e.g. "12000.5" → fen, exactly (decimal string maths). */
export function wanYuanTextToFen(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = m[1]!;
  const frac = (m[2] ?? '').padEnd(6, '0');
  // 1 万元 = 1,000,000 分: the integer part times 10^6 plus six decimal digits of 万元 = exact fen.
  const fen = BigInt(whole) * 1_000_000n + BigInt(frac);
  if (fen > BigInt(MAX_FEN)) return null;
  return Number(fen);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Formats fen as 万元 with two decimals, e.g. 1234567800 → "1,234.57". */
export function formatWanYuan(fen: number): string {
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
