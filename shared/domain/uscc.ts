/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015:
 * 18 characters from the 31-character alphabet (no I, O, Z, S, V); the 18th is a check character,
 * C18 = 31 − (Σ Ci × Wi mod 31), mapped back into the alphabet (31 → 0).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if any is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[c]!;
}

export type UsccProblem = 'USCC_LENGTH' | 'USCC_CHARSET' | 'USCC_CHECK_DIGIT';

/** null when valid; otherwise the reason. Upper-case input is expected (codes are printed upper-case). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'USCC_LENGTH';
  for (const ch of code) if (USCC_ALPHABET.indexOf(ch) < 0) return 'USCC_CHARSET';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'USCC_CHECK_DIGIT';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
