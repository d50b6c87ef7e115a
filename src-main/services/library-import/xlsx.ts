/**
 * The library as XLSX (PRODUCT.md): the version and date come from a first sheet (rows `版本号 | 42`,
 * `发布日期 | 2026-11-01`) or a first line on the project sheet; then the Chinese header row and the projects.
 * Read as a stream (exceljs WorkbookReader); formulas are never evaluated — only their cached results are read.
 */
import ExcelJS from 'exceljs';
import { SHEET_COLUMNS, SHEET_META, normalizeHeader, sheetRowToRaw } from '../../../shared/domain/library-sheet.js';
import { AppError } from '../../../shared/errors.js';
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

export async function openXlsxSnapshot(path: string): Promise<SnapshotSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const meta = new Map<string, string>();
  const metaKeys = new Set<string>(Object.values(SHEET_META));
  let index: Map<string, number> | null = null;
  const pending: RawRow[] = [];
  let sheets: AsyncIterator<unknown>;
  let rowIt: AsyncIterator<{ number: number; values: unknown }> | null = null;
  try {
    sheets = (reader as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    // Find the header row, collecting metadata on the way.
    while (!index) {
      if (!rowIt) {
        const s = await sheets.next();
        if (s.done) break;
        rowIt = (s.value as AsyncIterable<{ number: number; values: unknown }>)[Symbol.asyncIterator]();
      }
      const r = await rowIt.next();
      if (r.done) {
        rowIt = null;
        continue;
      }
      const cells = rowTexts(r.value.values);
      const first = normalizeHeader(cells[0] ?? '');
      if (metaKeys.has(first)) {
        for (let i = 0; i + 1 < cells.length; i += 2) {
          const k = normalizeHeader(cells[i]!);
          if (metaKeys.has(k)) meta.set(k, cells[i + 1]!);
        }
        continue;
      }
      if (cells.some((c) => normalizeHeader(c) === SHEET_COLUMNS[0][0])) index = headerIndex(cells, r.value.number);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('XLSX_BROKEN', { params: { detail: String((e as Error).message).slice(0, 120) } });
  }
  if (!index || !rowIt) throw new AppError('MISSING_HEADER', { params: { line: 1 } });
  const parsedMeta = checkMeta(meta.get(SHEET_META.version), meta.get(SHEET_META.issuedAt), meta.get(SHEET_META.issuer), {
    version: SHEET_META.version,
    issuedAt: SHEET_META.issuedAt,
  });
  const header = index;
  const it = rowIt;
  async function* rows(): AsyncGenerator<RawRow> {
    yield* pending;
    for (;;) {
      let r: IteratorResult<{ number: number; values: unknown }>;
      try {
        r = await it.next();
      } catch (e) {
        throw new AppError('XLSX_BROKEN', { params: { detail: String((e as Error).message).slice(0, 120) } });
      }
      if (r.done) return;
      const cells = rowTexts(r.value.values);
      if (cells.every((c) => c === '')) continue;
      yield { row: r.value.number, raw: sheetRowToRaw(rowCells(header, cells)) };
    }
  }
  return { format: 'xlsx', meta: parsedMeta, money: wanYuanMoney, rows: rows() };
}
