import { describe, it, expect } from 'vitest';
import { USCC_ALPHABET, isValidUscc, usccCheckChar, usccProblem } from '../../shared/domain/uscc.js';

/**
 * Real codes, each checked by hand against GB 32100-2015 (weights 3^i mod 31), e.g. 91350100M000100Y43:
 * 9×1 + 1×3 + 3×9 + 5×27 + 1×26 + M(21)×20 + 1×8 + Y(30)×30 + 4×28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
 */
const VALID = [
  '91350100M000100Y43', // the standard's worked example
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 腾讯科技（深圳）有限公司
  '91110108551385082Q', // 小米科技有限责任公司
] as const;

/** An independent reference: weights derived as powers of 3 modulo 31 rather than read from a table. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  let w = 1;
  for (const ch of first17) {
    sum += USCC_ALPHABET.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

describe('USCC alphabet', () => {
  it('has 31 characters and excludes I, O, Z, S and V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(new Set(USCC_ALPHABET).size).toBe(31);
    for (const ch of 'IOZSV') expect(USCC_ALPHABET).not.toContain(ch);
  });
});

describe('usccCheckChar / isValidUscc', () => {
  it.each(VALID)('accepts the real code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccProblem(code)).toBeNull();
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('rejects every wrong check character', () => {
    for (const code of VALID) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[17]) continue;
        const wrong = code.slice(0, 17) + ch;
        expect(isValidUscc(wrong)).toBe(false);
        expect(usccProblem(wrong)).toBe('USCC_CHECK_DIGIT');
      }
    }
  });

  it('rejects a changed body character (the check no longer matches)', () => {
    // One digit of Huawei's code changed: 91440300192203821 → 91440300192203831.
    expect(usccProblem('914403001922038316')).toBe('USCC_CHECK_DIGIT');
    // Two neighbours swapped.
    expect(usccProblem('914403001922083216')).toBe('USCC_CHECK_DIGIT');
  });

  it('rejects a code as often quoted with a wrong check character', () => {
    // 91440101MA59TKQ31L appears in examples, but GB 32100 gives W for this body.
    expect(usccCheckChar('91440101MA59TKQ31')).toBe('W');
    expect(usccProblem('91440101MA59TKQ31L')).toBe('USCC_CHECK_DIGIT');
    expect(isValidUscc('91440101MA59TKQ31W')).toBe(true);
  });

  it('rejects wrong lengths', () => {
    expect(usccProblem('')).toBe('USCC_LENGTH');
    expect(usccProblem('91350100M000100Y4')).toBe('USCC_LENGTH');
    expect(usccProblem('91350100M000100Y433')).toBe('USCC_LENGTH');
    expect(usccProblem(' 91350100M000100Y43')).toBe('USCC_LENGTH');
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(usccCheckChar('91350100M000100Y')).toBeNull();
    expect(usccCheckChar('91350100M000100Y43')).toBeNull();
  });

  it('rejects the forbidden letters I, O, Z, S, V anywhere', () => {
    const base = VALID[0];
    for (const bad of 'IOZSV') {
      for (const pos of [0, 8, 12, 17]) {
        const code = base.slice(0, pos) + bad + base.slice(pos + 1);
        expect(code).toHaveLength(18);
        expect(usccProblem(code)).toBe('USCC_CHARSET');
        expect(isValidUscc(code)).toBe(false);
      }
      expect(usccCheckChar(base.slice(0, 9) + bad + base.slice(10, 17))).toBeNull();
    }
  });

  it('rejects lower case and other characters', () => {
    expect(usccProblem('91350100m000100y43')).toBe('USCC_CHARSET');
    expect(usccProblem('91350100M000100Y-3')).toBe('USCC_CHARSET');
    expect(usccProblem('91350100M000100Y４3')).toBe('USCC_CHARSET');
  });

  it('agrees with an independent reference on many bodies, including check value 0', () => {
    // A small LCG so the bodies are fixed and varied.
    let x = 12345;
    const next = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x;
    };
    const seen = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      let body = '9144' + String(next() % 10_000).padStart(4, '0');
      for (let i = 0; i < 9; i++) body += USCC_ALPHABET[next() % 31]!;
      const check = usccCheckChar(body);
      expect(check).toBe(referenceCheckChar(body));
      seen.add(check!);
      expect(isValidUscc(body + check)).toBe(true);
    }
    // Every check value occurs, including 31 → "0".
    expect(seen.size).toBe(31);
    expect(seen.has('0')).toBe(true);
  });
});
