/**
 * The library as CSV (PRODUCT.md): UTF-8 with or without BOM, or GB18030 as Excel writes it on Chinese Windows;
 * an optional first line `版本号,42,发布日期,2026-11-01[,发布单位,…]`, then the Chinese header row, then projects
 * with money in 万元. Read in chunks; the encoding is decided from the first 64 KiB.
 */
import { createReadStream } from 'node:fs';
import { wanYuanTextToFen } from '../../shared/domain/money.js';
import type { MoneyParser } from '../../shared/domain/project-validate.js';
import { SHEET_COLUMNS, SHEET_META, normalizeHeader, sheetRowToRaw } from '../../shared/domain/library-sheet.js';
import { AppError } from '../../shared/errors.js';
import { CsvParser, CsvUnterminatedQuote } from './csv-parse.js';
import { checkMeta, type RawRow, type SnapshotSource } from './source.js';

export const wanYuanMoney: MoneyParser = (v) => {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return 'missing';
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? wanYuanTextToFen(String(v)) : null;
  if (typeof v !== 'string') return null;
  return wanYuanTextToFen(v.replace(/,/g, ''));
};

function pickEncoding(sample: Buffer): 'utf-8' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function* decodedChunks(path: string): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let encoding = 'utf-8';
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const buf = chunk as Buffer;
    if (!decoder) {
      encoding = pickEncoding(buf);
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
    }
    try {
      yield decoder.decode(buf, { stream: true });
    } catch {
      throw new AppError('BAD_ENCODING', { path: `byte ${offset}`, params: { encoding } });
    }
    offset += buf.length;
  }
  if (decoder) yield decoder.decode();
}

/** Records of the file, each with the line it starts on. */
async function* records(path: string): AsyncGenerator<{ line: number; fields: string[] }> {
  const parser = new CsvParser();
  try {
    for await (const text of decodedChunks(path)) yield* parser.push(text);
    yield* parser.end();
  } catch (e) {
    if (e instanceof CsvUnterminatedQuote) throw new AppError('CSV_BAD_QUOTE', { path: `row ${e.line}`, params: { line: e.line } });
    throw e;
  }
}

/** Reads `版本号,42,发布日期,…` pairs from a line. */
export function metaPairs(fields: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(normalizeHeader(fields[i]!), fields[i + 1]!.trim());
  return m;
}

/** Maps a header row to column positions; every column of the format must be there, once. */
export function headerIndex(fields: string[], line: number): Map<string, number> {
  const index = new Map<string, number>();
  fields.forEach((f, i) => {
    const h = normalizeHeader(f);
    if (h === '') return;
    if (index.has(h)) throw new AppError('DUPLICATE_COLUMN', { path: h, params: { column: h, line } });
    index.set(h, i);
  });
  for (const [header] of SHEET_COLUMNS) {
    if (!index.has(header)) throw new AppError('MISSING_COLUMN', { path: header, params: { column: header, line } });
  }
  return index;
}

export function rowCells(index: Map<string, number>, fields: string[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [header] of SHEET_COLUMNS) cells.set(header, (fields[index.get(header)!] ?? '').trim());
  return cells;
}

export async function openCsvSnapshot(path: string): Promise<SnapshotSource> {
  const it = records(path)[Symbol.asyncIterator]();
  let first = await it.next();
  if (first.done) throw new AppError('FILE_EMPTY');
  let meta = new Map<string, string>();
  if (normalizeHeader(first.value.fields[0] ?? '') === SHEET_META.version) {
    meta = metaPairs(first.value.fields);
    first = await it.next();
    if (first.done) throw new AppError('MISSING_HEADER', { params: { line: 2 } });
  }
  if (!first.value.fields.some((f) => normalizeHeader(f) === SHEET_COLUMNS[0][0])) {
    throw new AppError('MISSING_HEADER', { path: `row ${first.value.line}`, params: { line: first.value.line } });
  }
  const index = headerIndex(first.value.fields, first.value.line);
  const parsedMeta = checkMeta(meta.get(SHEET_META.version), meta.get(SHEET_META.issuedAt), meta.get(SHEET_META.issuer), {
    version: SHEET_META.version,
    issuedAt: SHEET_META.issuedAt,
  });
  async function* rows(): AsyncGenerator<RawRow> {
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      if (r.value.fields.every((f) => f.trim() === '')) continue;
      yield { row: r.value.line, raw: sheetRowToRaw(rowCells(index, r.value.fields)) };
    }
  }
  return { format: 'csv', meta: parsedMeta, money: wanYuanMoney, rows: rows() };
}
