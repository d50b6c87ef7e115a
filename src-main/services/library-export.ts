/**
 * Exporting the (filtered) library as a spreadsheet in exactly the import format of PRODUCT.md, so that the file
 * can be imported again: CSV (UTF-8 with BOM, a first line `版本号,…,发布日期,…,发布单位,…`, the Chinese header row,
 * the projects) or XLSX (a 说明 sheet with 版本号/发布日期/发布单位, then a 项目 sheet with the header row bold and
 * frozen). Money in 万元, written exactly from integer 分; library, category and status by their Chinese names.
 *
 * Every text cell goes through neutraliseCell, so Excel never evaluates a cell that begins with =, +, -, @, tab
 * or carriage return. Rows are read in chunks and streamed out (exceljs WorkbookWriter for XLSX), so 100,000
 * projects never sit in memory at once. Rows come in id order.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import {
  CATEGORY_NAMES_ZH, STATUS_NAMES_ZH, type GreenCategory, type LibraryKey, type ProjectStatus,
} from '../../shared/domain/jiangmen.js';
import { SHEET_COLUMNS, SHEET_LIBRARY_NAMES, SHEET_META, neutraliseCell } from '../../shared/domain/library-sheet.js';
import { AppError } from '../../shared/errors.js';
import type { LibraryFilter } from '../../shared/contract/methods/library.js';
import type { AppDb } from '../db/open.js';
import { matchCondition } from '../db/queries/library-search.js';
import type { ProjectTable } from '../db/schema.js';

export type ExportFormat = 'xlsx' | 'csv';

export const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Rows read from the database per chunk. */
const CHUNK = 1000;
const DEFAULT_ISSUER = '江门市金融工作局';

// ---------------------------------------------------------------------------------------------------------------
// Cell values

/** Integer 分 → 万元 as exact decimal text (1 万元 = 1,000,000 分), e.g. 12345678901 → "12345.678901". */
export function fenToWanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const f = BigInt(fen);
  const whole = f / 1_000_000n;
  const frac = (f % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

/** A quantity as plain decimal text (never an exponent, which the importer would refuse). */
export function quantityText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1e21) return BigInt(n).toString(); // an integer at that size
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** A number cell when the text reads back exactly as the same number (15 significant digits), text otherwise. */
function exactNumber(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

type Cell = { text: string } | { number: string };

/** One project as its sheet cells, in SHEET_COLUMNS order; text cells neutralised. */
export function projectCells(p: ProjectTable): Cell[] {
  const text = (v: string): Cell => ({ text: neutraliseCell(v) });
  const byField: Record<(typeof SHEET_COLUMNS)[number][1], Cell> = {
    id: text(p.id),
    library: text(SHEET_LIBRARY_NAMES[p.library as LibraryKey] ?? p.library),
    name: text(p.name),
    ownerName: text(p.ownerName),
    ownerUscc: text(p.ownerUscc),
    district: text(p.district),
    industryCode: text(p.industryCode),
    category: text(CATEGORY_NAMES_ZH[p.category as GreenCategory] ?? p.category),
    totalInvestmentYuan: { number: fenToWanText(p.totalInvestmentFen) },
    financingNeedYuan: { number: fenToWanText(p.financingNeedFen) },
    'expectedBenefits.carbonReductionT': { number: quantityText(p.carbonReductionT) },
    'expectedBenefits.energySavedTce': { number: quantityText(p.energySavedTce) },
    'expectedBenefits.wasteUtilizedT': { number: quantityText(p.wasteUtilizedT) },
    'expectedBenefits.hazardousDisposedT': { number: quantityText(p.hazardousDisposedT) },
    sourceDept: text(p.sourceDept),
    status: text(STATUS_NAMES_ZH[p.status as ProjectStatus] ?? p.status),
    listedAt: text(p.listedAt),
    updatedAt: text(p.updatedAt),
  };
  return SHEET_COLUMNS.map(([, field]) => byField[field]);
}

const cellString = (c: Cell) => ('text' in c ? c.text : c.number);

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; inner quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const csvLine = (fields: string[]) => fields.map(csvField).join(',') + '\r\n';

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface LibraryMeta {
  version: number;
  issuedAt: string;
  issuer: string;
}

async function libraryMeta(db: AppDb): Promise<LibraryMeta> {
  const state = await db.read.selectFrom('libraryState').select(['version', 'issuedAt', 'issuer']).where('id', '=', 1).executeTakeFirst();
  if (state) return { version: state.version, issuedAt: state.issuedAt, issuer: state.issuer || DEFAULT_ISSUER };
  return { version: 0, issuedAt: shanghaiDate(new Date()), issuer: DEFAULT_ISSUER };
}

function shanghaiDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The matching projects in id order, a chunk at a time (each chunk one short read; nothing held between). */
async function* matchingProjects(db: AppDb, filter: LibraryFilter): AsyncGenerator<ProjectTable[]> {
  const cond = await matchCondition(db.read, filter);
  if (cond === null) return;
  const { rows } = await sql<{ rid: number }>`SELECT p.rowid AS rid FROM project p WHERE ${cond} ORDER BY p.id`.execute(db.read);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((r) => r.rid);
    const chunk = await sql<ProjectTable & { rid: number }>`
      SELECT p.rowid AS rid, p.* FROM project p WHERE p.rowid IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    `.execute(db.read);
    const byRowid = new Map(chunk.rows.map((r) => [r.rid, r]));
    yield ids.flatMap((id) => {
      const r = byRowid.get(id);
      return r ? [r] : [];
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

async function writeCsv(db: AppDb, filter: LibraryFilter, out: Writable): Promise<number> {
  const meta = await libraryMeta(db);
  await write(
    out,
    '\uFEFF' +
      csvLine([SHEET_META.version, String(meta.version), SHEET_META.issuedAt, neutraliseCell(meta.issuedAt), SHEET_META.issuer, neutraliseCell(meta.issuer)]) +
      csvLine(SHEET_COLUMNS.map(([h]) => h)),
  );
  let rows = 0;
  for await (const chunk of matchingProjects(db, filter)) {
    await write(out, chunk.map((p) => csvLine(projectCells(p).map(cellString))).join(''));
    rows += chunk.length;
  }
  out.end();
  await finished(out);
  return rows;
}

/** Column widths (in characters) of the 项目 sheet, by header. */
const WIDTHS: Record<string, number> = {
  项目编号: 18, 所属库: 15, 项目名称: 44, 项目单位: 34, 统一社会信用代码: 21, 所属区域: 10, 行业代码: 10, 绿色分类: 20,
  '总投资(万元)': 14, '融资需求(万元)': 15, '预计年碳减排量(吨)': 19, '预计年节能量(吨标煤)': 21,
  '预计年固废综合利用量(吨)': 24, '预计年危废处置量(吨)': 21, 推荐部门: 22, 状态: 8, 入库日期: 12, 更新日期: 12,
};

async function writeXlsx(db: AppDb, filter: LibraryFilter, out: Writable): Promise<number> {
  const meta = await libraryMeta(db);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'GreenDesk';
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 12 }, { width: 30 }];
  info.addRow([SHEET_META.version, meta.version]).commit();
  info.addRow([SHEET_META.issuedAt, neutraliseCell(meta.issuedAt)]).commit();
  info.addRow([SHEET_META.issuer, neutraliseCell(meta.issuer)]).commit();
  info.commit();

  const sheet = wb.addWorksheet('项目', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map(([h]) => ({ width: WIDTHS[h] ?? 14 }));
  const header = sheet.addRow(SHEET_COLUMNS.map(([h]) => h));
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const chunk of matchingProjects(db, filter)) {
    for (const p of chunk) sheet.addRow(projectCells(p).map((c) => ('text' in c ? c.text : exactNumber(c.number)))).commit();
    rows += chunk.length;
    // Let the zip stream drain between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await wb.commit();
  await finished(out);
  return rows;
}

function writeTo(db: AppDb, filter: LibraryFilter, format: ExportFormat, out: Writable): Promise<number> {
  return format === 'xlsx' ? writeXlsx(db, filter, out) : writeCsv(db, filter, out);
}

/** The export format of an output path, by its extension; anything else is a BAD_ARGUMENT. */
export function exportFormatOf(outPath: string): ExportFormat {
  const ext = extname(outPath).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new AppError('BAD_ARGUMENT', { path: 'out', params: { name: 'out', value: ext || outPath.slice(-40) } });
}

/**
 * Writes the filtered library to `outPath` (.xlsx or .csv by the extension), streaming. The file appears only
 * once complete: it is written beside the target and renamed.
 */
export async function writeLibraryFile(db: AppDb, filter: LibraryFilter, outPath: string): Promise<{ out: string; rows: number }> {
  const format = exportFormatOf(outPath);
  const partial = `${outPath}.partial`;
  const out = createWriteStream(partial);
  try {
    const rows = await writeTo(db, filter, format, out);
    renameSync(partial, outPath);
    return { out: outPath, rows };
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}

/** The filtered library as a file for the window to save (base64). */
export async function exportLibrary(
  db: AppDb,
  filter: LibraryFilter,
  format: ExportFormat,
): Promise<{ fileName: string; mimeType: string; contentBase64: string; rows: number }> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  const rows = await writeTo(db, filter, format, sink);
  const meta = await libraryMeta(db);
  return {
    fileName: `项目库-v${meta.version}-${shanghaiDate(new Date())}.${format}`,
    mimeType: MIME_TYPES[format],
    contentBase64: Buffer.concat(parts).toString('base64'),
    rows,
  };
}
