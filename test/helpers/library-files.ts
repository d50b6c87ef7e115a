/** Writers of library snapshot files in the three formats, for import tests. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CATEGORY_NAMES_ZH, STATUS_NAMES_ZH } from '../../shared/domain/jiangmen.js';
import { SHEET_COLUMNS, SHEET_LIBRARY_NAMES } from '../../shared/domain/library-sheet.js';
import type { LibrarySnapshot, SnapshotProject } from '../../shared/domain/snapshot.js';

export function writeJson(dir: string, name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

/** Yuan → 万元 text, exactly (yuan has at most two decimals). */
export function wan(yuan: number): string {
  const fen = BigInt(Math.round(yuan * 100));
  const whole = fen / 1_000_000n;
  const frac = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** A project as the sheet's cells, in SHEET_COLUMNS order. */
export function sheetRow(p: SnapshotProject): string[] {
  const byField: Record<string, string> = {
    id: p.id,
    library: SHEET_LIBRARY_NAMES[p.library],
    name: p.name,
    ownerName: p.ownerName,
    ownerUscc: p.ownerUscc,
    district: p.district,
    industryCode: p.industryCode,
    category: CATEGORY_NAMES_ZH[p.category],
    totalInvestmentYuan: wan(p.totalInvestmentYuan),
    financingNeedYuan: wan(p.financingNeedYuan),
    'expectedBenefits.carbonReductionT': String(p.expectedBenefits.carbonReductionT),
    'expectedBenefits.energySavedTce': String(p.expectedBenefits.energySavedTce),
    'expectedBenefits.wasteUtilizedT': String(p.expectedBenefits.wasteUtilizedT),
    'expectedBenefits.hazardousDisposedT': String(p.expectedBenefits.hazardousDisposedT),
    sourceDept: p.sourceDept,
    status: STATUS_NAMES_ZH[p.status],
    listedAt: p.listedAt,
    updatedAt: p.updatedAt,
  };
  return SHEET_COLUMNS.map(([, f]) => byField[f]!);
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvText(s: LibrarySnapshot, opts: { meta?: boolean; rows?: string[][] } = {}): string {
  const lines: string[][] = [];
  if (opts.meta !== false) lines.push(['版本号', String(s.version), '发布日期', s.issuedAt.slice(0, 10), '发布单位', s.issuer]);
  lines.push(SHEET_COLUMNS.map(([h]) => h));
  lines.push(...(opts.rows ?? s.projects.map(sheetRow)));
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function writeCsv(dir: string, name: string, text: string, encoding: 'utf8' | 'utf8bom' | 'gb18030' = 'utf8'): string {
  const file = join(dir, name);
  const buf = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from((encoding === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
  writeFileSync(file, buf);
  return file;
}

/** An XLSX with a 说明 sheet (version, date, issuer) and a 项目 sheet; numbers as numbers where they are. */
export async function writeXlsx(dir: string, name: string, s: LibrarySnapshot, rows?: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('说明');
  info.addRow(['版本号', s.version]);
  info.addRow(['发布日期', s.issuedAt.slice(0, 10)]);
  info.addRow(['发布单位', s.issuer]);
  const sheet = wb.addWorksheet('项目');
  sheet.addRow(SHEET_COLUMNS.map(([h]) => h));
  for (const r of rows ?? s.projects.map(sheetRow)) sheet.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
