import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runGreendesk } from '../helpers/cli.js';

const ITEM_KEYS = ['category', 'district', 'id', 'library', 'name', 'ownerName', 'status'];

describe('greendesk library search and export library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'greendesk-cli-library-'));
  const db = join(dir, 'demo.db');
  beforeAll(() => {
    const r = runGreendesk(['demo', '--db', db, '--projects', '400', '--json']);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = <T = { total: number; items: Record<string, string>[] }>(args: string[]): T => {
    const r = runGreendesk([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const error = (args: string[]) => {
    const r = runGreendesk(args);
    expect(r.stdout).toBe('');
    return { code: r.code, error: (JSON.parse(r.stderr) as { error: { code: string; path?: string; message: string } }).error };
  };

  it('search prints {total, items} best match first, with exactly the documented item keys', () => {
    const r = json(['library', 'search', '光伏', '--db', db]);
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.length).toBe(Math.min(20, r.total));
    for (const item of r.items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(`${item.name}${item.ownerName}`).toContain('光伏');
    }
    // Names that start with the text come before names that merely contain it.
    const starts = r.items.map((i) => i.name!.startsWith('光伏'));
    expect(starts).toEqual([...starts].sort((a, b) => Number(b) - Number(a)));

    const byId = json(['library', 'search', r.items[0]!.id!.toLowerCase(), '--db', db, '--limit', '1']);
    expect(byId.items[0]!.id).toBe(r.items[0]!.id);
  });

  it('search applies the filters (codes or Chinese names) and --limit', () => {
    const all = json(['library', 'search', '项目', '--db', db, '--limit', '1000']);
    const r = json(['library', 'search', '项目', '--db', db, '--district', '新会区', '--status', '已入库', '--library', 'green', '--limit', '5']);
    const expected = all.items.filter((i) => i.district === '新会区' && i.status === 'listed' && i.library === 'green');
    expect(r.total).toBe(expected.length);
    expect(r.items.length).toBe(Math.min(5, expected.length));
    for (const i of r.items) expect(i).toMatchObject({ district: '新会区', status: 'listed', library: 'green' });
    const category = json(['library', 'search', '项目', '--db', db, '--category', '资源循环利用产业']);
    for (const i of category.items) expect(i.category).toBe('resource_recycling');
  });

  it('search prints a readable table without --json', () => {
    const r = runGreendesk(['library', 'search', '光伏', '--db', db, '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^找到 \d+ 个项目/);
    expect(lines[1]).toMatch(/^项目编号\s+项目名称\s+项目单位\s+所属区域\s+所属库\s+绿色分类\s+状态$/);
    expect(lines.length).toBe(5);
    const en = runGreendesk(['library', 'search', '光伏', '--db', db, '--limit', '1', '--lang', 'en']);
    expect(en.stdout).toMatch(/projects found/);
    expect(en.stdout).toMatch(/ID\s+Name\s+Owner/);
  });

  it('search refuses bad option values with exit 2 and the option as path', () => {
    for (const [option, value] of [['--district', '北京市'], ['--library', 'blue'], ['--category', '煤炭'], ['--status', 'gone'], ['--industry', 'Z99'], ['--limit', '0']] as const) {
      const r = error(['library', 'search', '光伏', '--db', db, option, value]);
      expect(r.code).toBe(2);
      expect(r.error).toMatchObject({ code: 'BAD_ARGUMENT', path: option });
    }
    expect(error(['library', 'search', '--db', db])).toMatchObject({ code: 2, error: { code: 'MISSING_ARGUMENT', path: 'TEXT' } });
    expect(error(['library', 'search', 'x'.repeat(101), '--db', db])).toMatchObject({ code: 2, error: { code: 'BAD_ARGUMENT', path: 'TEXT' } });
    expect(error(['library', 'search', '光伏', '--db', db, '--skip-invalid'])).toMatchObject({ code: 2, error: { code: 'UNKNOWN_OPTION', path: '--skip-invalid' } });
    expect(error(['library', 'search', '光伏', 'extra', '--db', db])).toMatchObject({ code: 2, error: { code: 'USAGE' } });
    expect(error(['library', 'frobnicate', '--db', db])).toMatchObject({ code: 2, error: { code: 'UNKNOWN_COMMAND', path: 'library frobnicate' } });
    expect(error(['library', '--db', db])).toMatchObject({ code: 2, error: { code: 'MISSING_ARGUMENT', path: 'library' } });
    expect(error(['library', 'search', '光伏', '--db', join(dir, 'missing.db')])).toMatchObject({ code: 2, error: { code: 'DB_NOT_FOUND' } });
  });

  it('export library writes CSV and XLSX with the search filters and prints {out, rows}', async () => {
    const filters = ['--q', '项目', '--district', '江海区'];
    const expected = json(['library', 'search', '项目', '--db', db, '--district', '江海区', '--limit', '1000']);

    const csv = join(dir, 'jianghai.csv');
    expect(json(['export', 'library', '--db', db, '--out', csv, ...filters])).toEqual({ out: csv, rows: expected.total });
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF版本号,1,发布日期,2026-11-01T00:00:00\+08:00,发布单位,江门市金融工作局$/);
    expect(lines[1]!.split(',')[0]).toBe('项目编号');
    expect(lines.filter((l) => /^JM-/.test(l)).map((l) => l.split(',')[0])).toEqual(expected.items.map((i) => i.id).sort());

    const xlsx = join(dir, 'jianghai.xlsx');
    expect(json(['export', 'library', '--db', db, '--out', xlsx, ...filters])).toEqual({ out: xlsx, rows: expected.total });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '项目']);
    expect(wb.getWorksheet('项目')!.rowCount).toBe(1 + expected.total);

    const human = runGreendesk(['export', 'library', '--db', db, '--out', join(dir, 'all.csv')]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^已导出 400 个项目到 /);
  });

  it('export refuses unknown kinds, a bad output extension and bad filters with exit 2', () => {
    const out = join(dir, 'x.csv');
    expect(error(['export', 'ledger', '--db', db, '--out', out])).toMatchObject({ code: 2, error: { code: 'UNKNOWN_COMMAND', path: 'export ledger' } });
    expect(error(['export', '--db', db, '--out', out])).toMatchObject({ code: 2, error: { code: 'MISSING_ARGUMENT', path: 'export' } });
    expect(error(['export', 'library', '--db', db, '--out', join(dir, 'x.pdf')])).toMatchObject({ code: 2, error: { code: 'BAD_ARGUMENT', path: '--out' } });
    expect(error(['export', 'library', '--db', db])).toMatchObject({ code: 2, error: { code: 'MISSING_ARGUMENT', path: '--out' } });
    expect(error(['export', 'library', '--db', db, '--out', out, '--status', 'nope'])).toMatchObject({ code: 2, error: { code: 'BAD_ARGUMENT', path: '--status' } });
    expect(existsSync(out)).toBe(false);
  });

  it('an exported CSV imports into another database through `library import`', () => {
    const csv = join(dir, 'roundtrip.csv');
    expect(json<{ rows: number }>(['export', 'library', '--db', db, '--out', csv]).rows).toBe(400);
    const other = join(dir, 'other.db');
    expect(runGreendesk(['init', '--db', other]).code).toBe(0);
    const imported = json<{ inserted: number; rejected: unknown[]; version: number }>(['library', 'import', csv, '--db', other]);
    expect(imported).toMatchObject({ inserted: 400, rejected: [], version: 1 });
    expect(json(['library', 'search', '光伏', '--db', other])).toEqual(json(['library', 'search', '光伏', '--db', db]));
  });
});
