import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, toEnvelope } from '../../shared/errors.js';
import { errorMessage, hasErrorMessage, parseLang } from '../../shared/i18n/errors.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|cts)$/.test(name) ? [p] : [];
  });
}

describe('error envelopes', () => {
  it('every code the code base raises has a Chinese and an English message', () => {
    const codes = new Set<string>();
    for (const file of [...sources('shared'), ...sources('src-main')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([A-Z_0-9]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(hasErrorMessage(code), code).toBe(true);
  });

  it('fills parameters and keeps the path', () => {
    const e = new AppError('NOT_FOUND', { path: 'id', params: { what: 'JM-1' } });
    expect(e.toEnvelope()).toEqual({ code: 'NOT_FOUND', message: '未找到：JM-1', path: 'id' });
    expect(e.toEnvelope('en')).toEqual({ code: 'NOT_FOUND', message: 'Not found: JM-1', path: 'id' });
  });

  it('hides unknown failures behind INTERNAL', () => {
    expect(toEnvelope(new Error('SQLITE_CORRUPT at /secret/path'))).toEqual({ code: 'INTERNAL', message: errorMessage('INTERNAL', 'zh-CN', {}) });
  });

  it('parses languages leniently with Chinese as the default', () => {
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang(undefined)).toBe('zh-CN');
    expect(parseLang('fr')).toBe('zh-CN');
  });
});
