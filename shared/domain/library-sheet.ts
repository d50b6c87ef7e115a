/**
 * The spreadsheet form of the library (CSV and XLSX, PRODUCT.md): Chinese headers, money in 万元, Chinese names
 * for library, category and status. One definition for import and export.
 */
import {
  CATEGORY_NAMES_ZH, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES, STATUS_NAMES_ZH,
  type GreenCategory, type LibraryKey, type ProjectStatus,
} from './jiangmen.js';

/** Column header → the snapshot field it fills (benefits as expectedBenefits.x). */
export const SHEET_COLUMNS = [
  ['项目编号', 'id'],
  ['所属库', 'library'],
  ['项目名称', 'name'],
  ['项目单位', 'ownerName'],
  ['统一社会信用代码', 'ownerUscc'],
  ['所属区域', 'district'],
  ['行业代码', 'industryCode'],
  ['绿色分类', 'category'],
  ['总投资(万元)', 'totalInvestmentYuan'],
  ['融资需求(万元)', 'financingNeedYuan'],
  ['预计年碳减排量(吨)', 'expectedBenefits.carbonReductionT'],
  ['预计年节能量(吨标煤)', 'expectedBenefits.energySavedTce'],
  ['预计年固废综合利用量(吨)', 'expectedBenefits.wasteUtilizedT'],
  ['预计年危废处置量(吨)', 'expectedBenefits.hazardousDisposedT'],
  ['推荐部门', 'sourceDept'],
  ['状态', 'status'],
  ['入库日期', 'listedAt'],
  ['更新日期', 'updatedAt'],
] as const;

export const SHEET_META = { version: '版本号', issuedAt: '发布日期', issuer: '发布单位' } as const;

/** The sheet names the city uses for the library codes. */
export const SHEET_LIBRARY_NAMES: Record<LibraryKey, string> = {
  green: '绿色项目库',
  waste_free: '无废城市项目库',
  transition: '转型项目库',
};

/** Header text as people type it: full-width brackets and stray spaces folded. */
export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').trim();
}

const invert = <K extends string>(m: Record<K, string>): Map<string, K> =>
  new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));

const libraryByName = invert(SHEET_LIBRARY_NAMES);
libraryByName.set('"无废城市"建设项目库', 'waste_free');
libraryByName.set('“无废城市”建设项目库', 'waste_free');
libraryByName.set('无废城市建设项目库', 'waste_free');
const categoryByName = invert(CATEGORY_NAMES_ZH);
const statusByName = invert(STATUS_NAMES_ZH);

/** Chinese name (or the key itself) → key; unknown text is returned unchanged so validation reports it. */
export function libraryFromSheet(v: string): LibraryKey | string {
  const s = v.trim();
  return libraryByName.get(s) ?? ((LIBRARIES as readonly string[]).includes(s) ? s : s);
}
export function categoryFromSheet(v: string): GreenCategory | string {
  const s = v.trim();
  return categoryByName.get(s) ?? ((GREEN_CATEGORIES as readonly string[]).includes(s) ? s : s);
}
export function statusFromSheet(v: string): ProjectStatus | string {
  const s = v.trim();
  return statusByName.get(s) ?? ((PROJECT_STATUSES as readonly string[]).includes(s) ? s : s);
}

/** A sheet row (header → cell text) as the raw record validateProjectRow takes. */
export function sheetRowToRaw(cells: Map<string, string>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const benefits: Record<string, unknown> = {};
  for (const [header, field] of SHEET_COLUMNS) {
    const cell = cells.get(header);
    if (cell === undefined) continue;
    const v = unneutraliseCell(cell);
    if (field.startsWith('expectedBenefits.')) benefits[field.slice('expectedBenefits.'.length)] = v;
    else if (field === 'library') raw[field] = libraryFromSheet(v);
    else if (field === 'category') raw[field] = categoryFromSheet(v);
    else if (field === 'status') raw[field] = statusFromSheet(v);
    else raw[field] = v;
  }
  raw.expectedBenefits = benefits;
  return raw;
}

/** Spreadsheet-cell text that Excel would evaluate is neutralised with a leading apostrophe. */
export function neutraliseCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** The reverse, on import: a leading apostrophe before =, +, -, @, tab or CR is the export's, not the data's. */
export function unneutraliseCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}
