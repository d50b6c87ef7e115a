/**
 * Industry codes per GB/T 4754-2017, as GreenDesk writes them: section letter + 2, 3 or 4 digits
 * ('C30' division, 'C307' group, 'C3071' class). Checks the code a loan officer types, names it, and searches the
 * table for an autocomplete. The table (gbt4754-data.ts) has every section and division but only some groups and
 * classes, so below division level an unknown code is accepted as long as its division exists.
 *
 * Codes are upper-case only: 'c3071' is BAD_INDUSTRY_CODE (codes are printed upper-case; the UI upper-cases what
 * the user types before it validates). searchIndustries is lenient and matches either case.
 */
import { GBT4754 } from './gbt4754-data.js';

export type IndustryCodeProblem = 'BAD_INDUSTRY_CODE' | 'UNKNOWN_INDUSTRY_CODE';
export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

/** Names of each level of a code that the table knows; `division` is absent only for a bare section letter. */
export interface IndustryNames {
  section: string;
  division?: string;
  group?: string;
  class?: string;
}

export interface IndustryEntry {
  code: string;
  name: string;
  level: IndustryLevel;
}

const NAMES: ReadonlyMap<string, string> = new Map(GBT4754);

/** Division digits ('30') → the section letter that holds it ('C'), from the table's division rows. */
const DIVISION_SECTION: ReadonlyMap<string, string> = new Map(
  GBT4754.filter(([code]) => code.length === 3).map(([code]) => [code.slice(1), code[0]!] as const),
);

const CODE_RE = /^[A-T](\d{2}|\d{3}|\d{4})$/;
const LEVELS: Record<number, IndustryLevel> = { 1: 'section', 3: 'division', 4: 'group', 5: 'class' };

export function industryLevel(code: string): IndustryLevel | null {
  return /^[A-T](\d{2,4})?$/.test(code) ? (LEVELS[code.length] ?? null) : null;
}

/**
 * null when `code` is an acceptable applicant industry code. BAD_INDUSTRY_CODE: not a section letter followed by
 * 2–4 digits (a bare letter, lower case, spaces, 1 or 5 digits), or a division filed under the wrong section ('A30':
 * division 30 is in C). UNKNOWN_INDUSTRY_CODE: the division does not exist ('C98'). A group or class the table
 * does not list is accepted when its division exists.
 */
export function industryCodeProblem(code: string): IndustryCodeProblem | null {
  if (!CODE_RE.test(code)) return 'BAD_INDUSTRY_CODE';
  const section = DIVISION_SECTION.get(code.slice(1, 3));
  if (section === undefined) return 'UNKNOWN_INDUSTRY_CODE';
  return section === code[0] ? null : 'BAD_INDUSTRY_CODE';
}

export function isValidIndustryCode(code: string): boolean {
  return industryCodeProblem(code) === null;
}

/**
 * The known names of each level of `code` (a valid applicant code, or a bare section letter), or null when the
 * code is not valid. Levels the table does not list are left out.
 */
export function industryName(code: string): IndustryNames | null {
  if (code.length === 1) {
    const section = NAMES.get(code);
    return section === undefined ? null : { section };
  }
  if (industryCodeProblem(code) !== null) return null;
  const names: IndustryNames = { section: NAMES.get(code[0]!)!, division: NAMES.get(code.slice(0, 3))! };
  const group = code.length >= 4 ? NAMES.get(code.slice(0, 4)) : undefined;
  const cls = code.length === 5 ? NAMES.get(code) : undefined;
  if (group !== undefined) names.group = group;
  if (cls !== undefined) names.class = cls;
  return names;
}

/** "C3071 建筑陶瓷制品制造": the code and the name of its deepest known level; the bare code when nothing is known. */
export function industryLabel(code: string): string {
  const n = industryName(code);
  if (!n) return code;
  const name = n.class ?? n.group ?? n.division ?? n.section;
  return `${code} ${name}`;
}

/** Every table entry at division level or below (what an applicant may choose), in table order. */
const CHOOSABLE: readonly IndustryEntry[] = GBT4754.filter(([code]) => code.length > 1).map(([code, name]) => ({
  code,
  name,
  level: LEVELS[code.length]!,
}));

/**
 * Autocomplete over the table (divisions, groups and classes; bare sections are never suggested since an applicant
 * cannot use them). Matches a code prefix (either case; digits alone match the digits after the letter, so '3071'
 * finds C3071) or any substring of a name. Best first: exact code, code prefix (shallower levels first), name
 * prefix, name contains; ties in table order. Empty text → [].
 */
export function searchIndustries(text: string, limit = 20): IndustryEntry[] {
  const q = text.trim();
  if (q === '' || limit <= 0) return [];
  const upper = q.toUpperCase();
  const digitsOnly = /^\d+$/.test(q);
  const hits: { entry: IndustryEntry; rank: number; order: number }[] = [];
  CHOOSABLE.forEach((entry, order) => {
    const codeKey = digitsOnly ? entry.code.slice(1) : entry.code;
    let rank: number;
    if (codeKey === upper) rank = 0;
    else if (codeKey.startsWith(upper)) rank = 1;
    else if (entry.name.startsWith(q)) rank = 2;
    else if (entry.name.includes(q)) rank = 3;
    else return;
    hits.push({ entry, rank, order });
  });
  hits.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank === 1 && a.entry.code.length !== b.entry.code.length) return a.entry.code.length - b.entry.code.length;
    return a.order - b.order;
  });
  return hits.slice(0, limit).map((h) => h.entry);
}
