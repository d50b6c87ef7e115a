import { describe, expect, it } from 'vitest';
import { UI_CATALOGS } from '../../shared/i18n/ui/index.js';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const get = (o: unknown, path: string) => path.split('.').reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('feature catalogs merged into the UI catalog (applications, signin)', () => {
  it('English has exactly the Chinese keys, with the same placeholders, none empty', () => {
    for (const part of ['applications', 'signin'] as const) {
      const zh = UI_CATALOGS['zh-CN'][part];
      const en = UI_CATALOGS.en[part];
      expect(keys(en).sort()).toEqual(keys(zh).sort());
      for (const k of keys(zh)) {
        const a = get(zh, k);
        const b = get(en, k);
        expect(typeof a === 'string' && a.length > 0, `${part}.${k}`).toBe(true);
        expect(typeof b === 'string' && b.length > 0, `${part}.${k}`).toBe(true);
        expect(placeholders(b as string), `${part}.${k}`).toEqual(placeholders(a as string));
      }
    }
  });

  it('keeps the base catalog (the token page keys under `auth`) untouched', () => {
    expect(UI_CATALOGS['zh-CN'].auth.missingTitle).toBe('缺少访问令牌');
    expect(UI_CATALOGS['zh-CN'].nav.applications).toBe('授信申请');
  });
});
