import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type AppDb } from '../../src-main/db/open.js';
import { projectById } from '../../src-main/services/library.js';
import { previewLibraryImport, runLibraryImport } from '../../src-main/services/library-import/import.js';
import { AppError } from '../../shared/errors.js';
import { csvText, writeCsv, writeJson, writeXlsx } from '../helpers/library-files.js';
import { project, snapshot } from '../helpers/projects.js';
import { useTempDir } from '../helpers/tmp.js';

const tempDir = useTempDir();

/** A database holding library version 5 with three projects. */
async function seeded(): Promise<{ db: AppDb; dir: string }> {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'lib.db'));
  await runLibraryImport(db, writeJson(dir, 'v5.json', snapshot(5, [project(1), project(2), project(3)])));
  return { db, dir };
}

function bytes(db: AppDb): Buffer {
  db.rawWrite.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(db.file);
}

async function importError(db: AppDb, file: string, opts: { skipInvalid?: boolean } = {}): Promise<AppError> {
  try {
    await runLibraryImport(db, file, opts);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('import succeeded');
}

const good = (n: number) => project(n);

describe('library import: malformed files change nothing', () => {
  const cases: [string, (dir: string) => string | Promise<string>, string, string?][] = [
    ['bad check digit', (d) => writeJson(d, 'f.json', snapshot(6, [good(1), project(4, { ownerUscc: project(4).ownerUscc.slice(0, 17) + (project(4).ownerUscc.endsWith('0') ? '1' : '0') })])), 'USCC_CHECK_DIGIT'],
    ['unknown district', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { district: '天河区' as never })])), 'UNKNOWN_DISTRICT'],
    ['negative money', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { totalInvestmentYuan: -1 })])), 'BAD_MONEY'],
    ['NaN money', (d) => writeJson(d, 'f.json', JSON.stringify(snapshot(6, [project(4)])).replace('"totalInvestmentYuan":120000000', '"totalInvestmentYuan":"NaN"')), 'BAD_MONEY'],
    ['three decimals of yuan', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { financingNeedYuan: 1.005 })])), 'BAD_MONEY'],
    ['duplicate id', (d) => writeJson(d, 'f.json', snapshot(6, [good(1), good(4), good(4)])), 'DUPLICATE_ID'],
    ['missing field', (d) => writeJson(d, 'f.json', snapshot(6, [{ ...good(4), name: undefined as never }])), 'MISSING_FIELD'],
    ['huge string', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { name: '项'.repeat(10_000) })])), 'TOO_LONG'],
    ['unknown category', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { category: 'coal' as never })])), 'UNKNOWN_CATEGORY'],
    ['unknown status', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { status: 'closed' as never })])), 'UNKNOWN_STATUS'],
    ['unknown library', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { library: 'blue' as never })])), 'UNKNOWN_LIBRARY'],
    ['impossible date', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { listedAt: '2025-02-30' })])), 'BAD_DATE'],
    ['bad industry code', (d) => writeJson(d, 'f.json', snapshot(6, [project(4, { industryCode: 'C30711' })])), 'BAD_INDUSTRY_CODE'],
    ['an entry that is not an object', (d) => writeJson(d, 'f.json', { ...snapshot(6, []), projects: [good(4), 42] }), 'ROW_NOT_OBJECT'],
  ];
  it.each(cases)('%s → INVALID_ROWS listing %s, database unchanged', async (_name, make, rowCode) => {
    const { db, dir } = await seeded();
    const before = bytes(db);
    const err = await importError(db, await make(dir));
    expect(err.code).toBe('INVALID_ROWS');
    const env = err.toEnvelope();
    const rejected = (env.details as { rejected: { row: number; field: string; code: string; message: string }[] }).rejected;
    expect(rejected.map((r) => r.code)).toContain(rowCode);
    for (const r of rejected) {
      expect(r.row).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(0);
    }
    expect(bytes(db).equals(before)).toBe(true);
    await db.close();
  });

  const fileCases: [string, (dir: string) => string | Promise<string>, string, string?][] = [
    ['wrong format tag', (d) => writeJson(d, 'f.json', { ...snapshot(6, [good(4)]), format: 'greendesk.library.v0' }), 'BAD_FORMAT', 'format'],
    ['no projects array', (d) => writeJson(d, 'f.json', { ...snapshot(6, []), projects: undefined }), 'MISSING_FIELD', 'projects'],
    ['no version', (d) => writeJson(d, 'f.json', { ...snapshot(6, []), version: undefined }), 'MISSING_FIELD', 'version'],
    ['negative version', (d) => writeJson(d, 'f.json', { ...snapshot(6, []), version: -3 }), 'BAD_VERSION', 'version'],
    ['truncated JSON', (d) => writeJson(d, 'f.json', JSON.stringify(snapshot(6, [good(4)])).slice(0, 200)), 'FILE_TRUNCATED'],
    ['not JSON at all', (d) => writeJson(d, 'f.json', 'id,name\nJM-1,项目'), 'NOT_JSON'],
    ['a JSON array', (d) => writeJson(d, 'f.json', '[1,2,3]'), 'BAD_FORMAT'],
    ['deep nesting', (d) => writeJson(d, 'f.json', '{"format":"greendesk.library.v1","projects":[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}'), 'JSON_TOO_DEEP'],
    ['deep nesting at the top', (d) => writeJson(d, 'f.json', '['.repeat(100_000) + ']'.repeat(100_000)), 'BAD_FORMAT'],
    ['projects that is not an array', (d) => writeJson(d, 'f.json', { ...snapshot(6, []), projects: { a: 1 } }), 'MISSING_FIELD', 'projects'],
    ['missing comma between projects', (d) => writeJson(d, 'f.json', JSON.stringify(snapshot(6, [good(4), good(5)])).replace('},{"id"', '}{"id"')), 'NOT_JSON'],
    ['trailing comma in projects', (d) => writeJson(d, 'f.json', JSON.stringify(snapshot(6, [good(4)])).replace('}]}', '},]}')), 'NOT_JSON'],
    ['text after the document', (d) => writeJson(d, 'f.json', JSON.stringify(snapshot(6, [good(4)])) + ' {}'), 'NOT_JSON'],
    ['format given after the projects', (d) => writeJson(d, 'f.json', JSON.stringify({ version: 6, issuedAt: '2026-11-01', issuer: 'x', projects: [good(4)], format: 'other' })), 'BAD_FORMAT'],
    ['empty file', (d) => writeJson(d, 'f.json', ''), 'FILE_EMPTY'],
    ['whitespace only', (d) => writeJson(d, 'f.json', '  \n '), 'FILE_EMPTY'],
    ['older version', (d) => writeJson(d, 'f.json', snapshot(4, [good(9)])), 'SNAPSHOT_OLDER', 'version'],
    ['unsupported extension', (d) => writeJson(d, 'f.pdf', '%PDF-1.7'), 'UNSUPPORTED_FILE_TYPE'],
    ['binary in a .json', (d) => writeJson(d, 'f.json', Buffer.from([0x7b, 0, 0, 1]).toString('latin1')), 'UNSUPPORTED_FILE_TYPE'],
    ['xlsx that is not a zip', (d) => writeJson(d, 'f.xlsx', 'not a workbook'), 'XLSX_BROKEN'],
    ['xlsx zip with garbage', (d) => writeJson(d, 'f.xlsx', 'PK\u0003\u0004' + 'x'.repeat(200)), 'XLSX_BROKEN'],
    ['invalid UTF-8 JSON', (d) => { const f = join(d, 'f.json'); writeFileSync(f, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])); return f; }, 'BAD_ENCODING'],
    ['csv without the header row', (d) => writeCsv(d, 'f.csv', '版本号,6,发布日期,2026-11-01\nJM-1,绿色项目库\n'), 'MISSING_HEADER'],
    ['csv missing a column', (d) => writeCsv(d, 'f.csv', csvText(snapshot(6, [good(4)])).replace('推荐部门', '部门')), 'MISSING_COLUMN', '推荐部门'],
    ['csv with an unclosed quote', (d) => writeCsv(d, 'f.csv', csvText(snapshot(6, [good(4)])) + '"JM-X,绿色项目库\n'), 'CSV_BAD_QUOTE'],
    ['csv without 版本号', (d) => writeCsv(d, 'f.csv', csvText(snapshot(6, [good(4)]), { meta: false })), 'MISSING_FIELD', '版本号'],
  ];
  it.each(fileCases)('%s → %s, database unchanged', async (_name, make, code, path) => {
    const { db, dir } = await seeded();
    const before = bytes(db);
    const err = await importError(db, await make(dir), { skipInvalid: true });
    expect(err.code).toBe(code);
    if (path) expect(err.path).toBe(path);
    expect(err.toEnvelope().message).not.toMatch(/\{\w+\}/);
    expect(bytes(db).equals(before)).toBe(true);
    await db.close();
  });
});

describe('library import: formats', () => {
  const snap = snapshot(6, [
    project(1, { name: '新会区“绿色”项目, 含逗号\n与换行', financingNeedYuan: 80_000_000.5 }),
    project(2, { totalInvestmentYuan: 123_456_789.01 }),
    project(4, { library: 'waste_free', category: 'environmental_protection', status: 'in_operation' }),
  ]);

  async function importAndRead(file: string) {
    const { db } = await seeded();
    const result = await runLibraryImport(db, file);
    const p1 = await projectById(db, 'JM-GP-2024-00001');
    const p2 = await projectById(db, 'JM-GP-2024-00002');
    const p4 = await projectById(db, 'JM-GP-2024-00004');
    await db.close();
    return { result, p1, p2, p4 };
  }

  it.each(['utf8', 'utf8bom', 'gb18030'] as const)('CSV in %s: Chinese headers, 万元 to exact 分, quotes and line breaks', async (enc) => {
    const dir = tempDir();
    const { result, p1, p2, p4 } = await importAndRead(writeCsv(dir, 'lib.csv', csvText(snap), enc));
    expect(result).toMatchObject({ version: 6, inserted: 1, updated: 2, withdrawn: 1, rejected: [] });
    expect(p1.name).toBe('新会区“绿色”项目, 含逗号\n与换行');
    expect(p1.financingNeedFen).toBe(8_000_000_050);
    expect(p2.totalInvestmentFen).toBe(12_345_678_901);
    expect(p4).toMatchObject({ library: 'waste_free', category: 'environmental_protection', status: 'in_operation', district: '新会区' });
  });

  it('JSON with a BOM, whitespace, and the metadata after the projects (streamed)', async () => {
    const dir = tempDir();
    const { projects, ...meta } = snap;
    const text = '\uFEFF' + JSON.stringify({ projects, ...meta }, null, 2);
    const { result, p1, p2 } = await importAndRead(writeJson(dir, 'lib.json', text));
    expect(result).toMatchObject({ version: 6, inserted: 1, updated: 2, withdrawn: 1, rejected: [] });
    expect(p1.name).toBe('新会区“绿色”项目, 含逗号\n与换行');
    expect(p2.totalInvestmentFen).toBe(12_345_678_901);
  });

  it('XLSX with a 说明 sheet and numbers as numbers', async () => {
    const dir = tempDir();
    const { result, p1, p2, p4 } = await importAndRead(await writeXlsx(dir, 'lib.xlsx', snap));
    expect(result).toMatchObject({ version: 6, inserted: 1, updated: 2, withdrawn: 1, rejected: [] });
    expect(p1.financingNeedFen).toBe(8_000_000_050);
    expect(p2.totalInvestmentFen).toBe(12_345_678_901);
    expect(p4.status).toBe('in_operation');
  });

  it('XLSX reports bad rows by their spreadsheet row number and Chinese column name', async () => {
    const dir = tempDir();
    const { db } = await seeded();
    const rows = snap.projects.map((p) => (csvText(snapshot(6, [p]), { meta: false }).split('\r\n')[1] ?? '').split(','));
    const file = await writeXlsx(dir, 'bad.xlsx', snap);
    const preview = await previewLibraryImport(db, file, 'bad.xlsx', 'zh-CN');
    expect(preview).toMatchObject({ format: 'xlsx', version: 6, localVersion: 5, totalRows: 3, validRows: 3, rejectedTotal: 0 });
    expect(rows.length).toBe(3);
    const broken = await writeXlsx(dir, 'broken.xlsx', snap, [['JM-GP-2024-00009', '绿色项目库', '项目', '单位', '91440705000000000X', '广州', 'C3071', '资源循环利用产业', '-1', '1', '0', '0', '0', '0', '', '已入库', '2024-01-01', '2024-01-02']]);
    const bad = await previewLibraryImport(db, broken, 'broken.xlsx', 'zh-CN');
    expect(bad.rejected.map((r) => [r.row, r.field, r.code])).toEqual(
      expect.arrayContaining([
        [2, '统一社会信用代码', 'USCC_CHECK_DIGIT'],
        [2, '所属区域', 'UNKNOWN_DISTRICT'],
        [2, '总投资(万元)', 'BAD_MONEY'],
      ]),
    );
    await db.close();
  });
});

describe('library import: --skip-invalid', () => {
  it('imports the good rows, reports the bad ones, and never withdraws a project because its row was bad', async () => {
    const { db, dir } = await seeded();
    const file = writeJson(dir, 'f.json', snapshot(6, [good(1), project(2, { district: '广州市' as never }), good(4)]));
    const result = await runLibraryImport(db, file, { skipInvalid: true, lang: 'en' });
    expect(result).toMatchObject({ version: 6, inserted: 1, unchanged: 1, updated: 0, withdrawn: 1 });
    expect(result.rejected).toEqual([{ row: 2, field: 'district', code: 'UNKNOWN_DISTRICT', message: "Unknown district (must be one of Jiangmen's seven): 广州市" }]);
    expect((await projectById(db, 'JM-GP-2024-00002')).status).toBe('listed'); // bad row: kept as it was
    expect((await projectById(db, 'JM-GP-2024-00003')).status).toBe('withdrawn'); // absent: withdrawn
    await db.close();
  });

  it('reports progress through read, validate and write', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'p.db'));
    const phases = new Set<string>();
    await runLibraryImport(db, writeJson(dir, 'big.json', snapshot(1, Array.from({ length: 4500 }, (_, i) => project(i + 1)))), {
      onProgress: (p) => phases.add(p.phase),
    });
    expect([...phases]).toEqual(['read', 'validate', 'write', 'done']);
    await db.close();
  });
});
