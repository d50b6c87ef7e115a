/**
 * The library as XLSX (PRODUCT.md): the version and date come from a first sheet (rows `版本号 | 42`,
 * `发布日期 | 2026-11-01`) or a first line on the project sheet; then the Chinese header row and the projects.
 * Formulas are never evaluated — only their cached results are read.
 */
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { SHEET_COLUMNS, SHEET_META, normalizeHeader, sheetRowToRaw } from '../../shared/domain/library-sheet.js';
import { AppError } from '../../shared/errors.js';
import { headerIndex, rowCells, wanYuanMoney } from './csv.js';
import { checkMeta, type RawRow, type SnapshotSource } from './source.js';

/** A cell's value as the text a person sees. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return '';
}

function rowTexts(values: unknown): string[] {
  const arr = Array.isArray(values) ? values : [];
  // exceljs rows are 1-based: index 0 is empty.
  const out: string[] = [];
  for (let i = 1; i < arr.length; i++) out.push(cellText(arr[i]).trim());
  return out;
}

/**
 * XLSX files are read whole with exceljs's workbook reader: its streaming reader garbles Chinese characters that
 * fall across a chunk boundary (exceljs issues #2063, #2084). A library of 100,000 projects is about 15 MB of
 * XLSX; larger files are refused with a pointer to CSV, which streams.
 */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;

export async function openXlsxSnapshot(path: string): Promise<SnapshotSource> {
  if (statSync(path).size > MAX_XLSX_BYTES) throw new AppError('XLSX_TOO_LARGE', { params: { max: MAX_XLSX_BYTES / 1024 / 1024 } });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new AppError('XLSX_BROKEN', { params: { detail: String((e as Error).message).slice(0, 120) } });
  }
  const meta = new Map<string, string>();
  const metaKeys = new Set<string>(Object.values(SHEET_META));
  // Find the header row (on any sheet), collecting metadata rows on the way.
  let found: { sheet: ExcelJS.Worksheet; row: number; index: Map<string, number> } | null = null;
  for (const sheet of wb.worksheets) {
    for (let r = 1; r <= sheet.rowCount && !found; r++) {
      const cells = rowTexts(sheet.getRow(r).values);
      const first = normalizeHeader(cells[0] ?? '');
      if (metaKeys.has(first)) {
        for (let i = 0; i + 1 < cells.length; i += 2) {
          const k = normalizeHeader(cells[i]!);
          if (metaKeys.has(k)) meta.set(k, cells[i + 1]!);
        }
        continue;
      }
      if (cells.some((c) => normalizeHeader(c) === SHEET_COLUMNS[0][0])) found = { sheet, row: r, index: headerIndex(cells, r) };
    }
    if (found) break;
  }
  if (!found) throw new AppError('MISSING_HEADER', { params: { line: 1 } });
  const parsedMeta = checkMeta(meta.get(SHEET_META.version), meta.get(SHEET_META.issuedAt), meta.get(SHEET_META.issuer), {
    version: SHEET_META.version,
    issuedAt: SHEET_META.issuedAt,
  });
  const { sheet, row: headerRow, index } = found;
  async function* rows(): AsyncGenerator<RawRow> {
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const cells = rowTexts(sheet.getRow(r).values);
      if (cells.every((c) => c === '')) continue;
      yield { row: r, raw: sheetRowToRaw(rowCells(index, cells)) };
    }
  }
  return { format: 'xlsx', meta: parsedMeta, money: wanYuanMoney, rows: rows() };
}
