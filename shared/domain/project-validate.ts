/**
 * Validation of one project row of a library snapshot, whatever file it came from. Each problem is reported with
 * the row, the field and a stable code; a row with any problem yields no project. Money arrives through the
 * caller's parser (yuan numbers in JSON, 万元 text in CSV/XLSX) and leaves as integer 分.
 */
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from './jiangmen.js';
import type { Project } from './project.js';
import { industryCodeProblem } from './industry.js';
import { usccProblem } from './uscc.js';

export interface RowError {
  /** 1-based data row (JSON: index + 1 in `projects`; CSV/XLSX: the spreadsheet row number). */
  row: number;
  field: string;
  code: string;
  /** Extra detail for the message, e.g. the offending value. */
  value?: string;
}

export const MAX_TEXT = 200;
export const MAX_ID = 64;

/** Money parser: the amount in 分, 'missing', or null when it is not a valid non-negative amount. */
export type MoneyParser = (value: unknown) => number | null | 'missing';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1990 && y <= 2100;
}

const preview = (v: unknown) => String(typeof v === 'object' ? JSON.stringify(v) : v).slice(0, 40);

export function validateProjectRow(raw: Record<string, unknown>, row: number, money: MoneyParser): { project: Project | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (field: string, code: string, v?: unknown) => errors.push({ row, field, code, ...(v !== undefined ? { value: preview(v) } : {}) });

  const text = (field: string, max: number, required = true): string => {
    const v = raw[field];
    if (isBlank(v)) {
      if (required) err(field, 'MISSING_FIELD');
      return '';
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      err(field, 'BAD_VALUE', v);
      return '';
    }
    const s = String(v).trim();
    if ([...s].length > max) err(field, 'TOO_LONG', `${[...s].length} > ${max}`);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) err(field, 'BAD_VALUE', s);
    return s;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[], code: string): T => {
    const s = text(field, 64);
    if (s !== '' && !(allowed as readonly string[]).includes(s)) err(field, code, s);
    return s as T;
  };
  const amount = (field: string): number => {
    const v = money(raw[field]);
    if (v === 'missing') err(field, 'MISSING_FIELD');
    else if (v === null) err(field, 'BAD_MONEY', raw[field]);
    return typeof v === 'number' ? v : 0;
  };
  const quantity = (benefits: Record<string, unknown>, field: string, path: string): number => {
    const v = benefits[field];
    if (isBlank(v)) return 0;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < 0 || n > 1e12) {
      err(path, 'BAD_NUMBER', v);
      return 0;
    }
    return n;
  };
  const date = (field: string): string => {
    const s = text(field, 10);
    if (s !== '' && !isValidIsoDate(s)) err(field, 'BAD_DATE', s);
    return s;
  };

  const id = text('id', MAX_ID);
  if (id !== '' && !ID_RE.test(id)) err('id', 'BAD_ID', id);
  const library = oneOf('library', LIBRARIES, 'UNKNOWN_LIBRARY');
  const name = text('name', MAX_TEXT);
  const ownerName = text('ownerName', MAX_TEXT);
  const ownerUscc = text('ownerUscc', 18 + 10).toUpperCase();
  if (ownerUscc !== '') {
    const problem = usccProblem(ownerUscc);
    if (problem) err('ownerUscc', problem, ownerUscc);
  }
  const district = oneOf('district', DISTRICTS, 'UNKNOWN_DISTRICT');
  const industryCode = text('industryCode', 8).toUpperCase();
  if (industryCode !== '') {
    const problem = industryCodeProblem(industryCode);
    if (problem) err('industryCode', problem, industryCode);
  }
  const category = oneOf('category', GREEN_CATEGORIES, 'UNKNOWN_CATEGORY');
  const totalInvestmentFen = amount('totalInvestmentYuan');
  const financingNeedFen = amount('financingNeedYuan');
  const eb = raw.expectedBenefits;
  const benefits = eb && typeof eb === 'object' && !Array.isArray(eb) ? (eb as Record<string, unknown>) : {};
  if (eb !== undefined && eb !== null && benefits !== eb) err('expectedBenefits', 'BAD_VALUE', eb);
  const expectedBenefits = {
    carbonReductionT: quantity(benefits, 'carbonReductionT', 'expectedBenefits.carbonReductionT'),
    energySavedTce: quantity(benefits, 'energySavedTce', 'expectedBenefits.energySavedTce'),
    wasteUtilizedT: quantity(benefits, 'wasteUtilizedT', 'expectedBenefits.wasteUtilizedT'),
    hazardousDisposedT: quantity(benefits, 'hazardousDisposedT', 'expectedBenefits.hazardousDisposedT'),
  };
  const sourceDept = text('sourceDept', MAX_TEXT, false);
  const status = oneOf('status', PROJECT_STATUSES, 'UNKNOWN_STATUS');
  const listedAt = date('listedAt');
  const updatedAt = date('updatedAt');

  if (errors.length > 0) return { project: null, errors };
  return {
    project: {
      id, library, name, ownerName, ownerUscc, district, industryCode, category, totalInvestmentFen, financingNeedFen,
      expectedBenefits, sourceDept, status, listedAt, updatedAt, libraryVersion: 0,
    },
    errors,
  };
}
