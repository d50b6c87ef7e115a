import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/ui/en.js';
import { zhCN } from '../../shared/i18n/ui/zh-CN.js';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('UI catalogs', () => {
  it('English has exactly the Chinese keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('every message has the same placeholders in both languages, and none is empty', () => {
    const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);
    for (const k of keys(zhCN)) {
      const zh = get(zhCN, k);
      const e = get(en, k);
      if (Array.isArray(zh)) {
        expect(Array.isArray(e), k).toBe(true);
        continue;
      }
      expect(typeof zh === 'string' && zh.length > 0, k).toBe(true);
      expect(typeof e === 'string' && e.length > 0, k).toBe(true);
      expect(placeholders(e as string), k).toEqual(placeholders(zh as string));
    }
  });
});
