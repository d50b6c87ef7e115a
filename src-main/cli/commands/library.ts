/**
 * `greendesk library <sub-command> …`: the project library. Each sub-command is one entry of SUBCOMMANDS (a
 * Command of its own, loaded on demand); `library` accepts the union of their options and hands each the options
 * it declares and its positionals, refusing the options it does not take.
 *
 *   greendesk library search TEXT --db FILE [--library L] [--district D] [--category C] [--status S]
 *                            [--industry PREFIX] [--limit N]
 *   greendesk library import FILE --db FILE [--skip-invalid]
 */
import { resolve } from 'node:path';
import {
  CATEGORY_NAMES_EN, CATEGORY_NAMES_ZH, DISTRICTS, GREEN_CATEGORIES, LIBRARIES, LIBRARY_NAMES_EN, LIBRARY_NAMES_ZH,
  PROJECT_STATUSES, STATUS_NAMES_EN, STATUS_NAMES_ZH, type GreenCategory, type LibraryKey, type ProjectStatus,
} from '../../../shared/domain/jiangmen.js';
import { categoryFromSheet, libraryFromSheet, statusFromSheet } from '../../../shared/domain/library-sheet.js';
import type { LibraryFilter } from '../../../shared/contract/methods/library.js';
import { AppError } from '../../../shared/errors.js';
import { openDatabase } from '../../db/open.js';
import { searchProjects } from '../../db/queries/library-search.js';
import { intOption, requireString, type OptionSpec, type Parsed } from '../../../src-node/cli/args.js';
import { commandGroup } from '../../../src-node/cli/group.js';
import type { CliContext } from '../../../src-node/cli/io.js';
import type { Command } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Search filters (shared with `export library`)

export const FILTER_OPTIONS = {
  library: { type: 'string' },
  district: { type: 'string' },
  category: { type: 'string' },
  status: { type: 'string' },
  industry: { type: 'string' },
} as const satisfies OptionSpec;

const INDUSTRY_PREFIX = /^[A-Ta-t]\d{0,4}$/;

function oneOf<T extends string>(args: Parsed, option: string, allowed: readonly T[], fromName: (v: string) => string): T | undefined {
  const v = args.values[option];
  if (v === undefined) return undefined;
  const key = typeof v === 'string' ? fromName(v.trim()) : '';
  if (!(allowed as readonly string[]).includes(key)) {
    throw new AppError('BAD_ARGUMENT', { path: `--${option}`, params: { name: `--${option}`, value: String(v).slice(0, 80) } });
  }
  return key as T;
}

/**
 * The search filters given as options, validated: library, category and status by code or Chinese name
 * (`green` or 绿色项目库), the district by its name, the industry as a GB/T 4754 code prefix. A bad value is a
 * BAD_ARGUMENT with the option as path.
 */
export function filterFromArgs(args: Parsed): LibraryFilter {
  const f: LibraryFilter = {};
  const library = oneOf<LibraryKey>(args, 'library', LIBRARIES, libraryFromSheet);
  const district = oneOf(args, 'district', DISTRICTS, (v) => v);
  const category = oneOf<GreenCategory>(args, 'category', GREEN_CATEGORIES, categoryFromSheet);
  const status = oneOf<ProjectStatus>(args, 'status', PROJECT_STATUSES, statusFromSheet);
  if (library) f.library = library;
  if (district) f.district = district;
  if (category) f.category = category;
  if (status) f.status = status;
  const industry = args.values.industry;
  if (industry !== undefined) {
    if (typeof industry !== 'string' || !INDUSTRY_PREFIX.test(industry.trim())) {
      throw new AppError('BAD_ARGUMENT', { path: '--industry', params: { name: '--industry', value: String(industry).slice(0, 80) } });
    }
    f.industryPrefix = industry.trim().toUpperCase();
  }
  return f;
}

/** Search text as given: at most 100 characters (as the window's search box). */
export const MAX_QUERY = 100;

export function queryText(text: string, path: string): string {
  if ([...text].length > MAX_QUERY) {
    throw new AppError('BAD_ARGUMENT', { path, params: { name: path, value: `${[...text].slice(0, 20).join('')}…` } });
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// library search

export interface SearchItem {
  id: string;
  name: string;
  ownerName: string;
  district: string;
  library: string;
  category: string;
  status: string;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The items as an aligned table with a header, names in the message language. */
export function searchTable(items: SearchItem[], lang: CliContext['lang']): string {
  const en = lang === 'en';
  const header = en
    ? ['ID', 'Name', 'Owner', 'District', 'Library', 'Category', 'Status']
    : ['项目编号', '项目名称', '项目单位', '所属区域', '所属库', '绿色分类', '状态'];
  const rows = items.map((p) => [
    p.id,
    p.name,
    p.ownerName,
    p.district,
    (en ? LIBRARY_NAMES_EN : LIBRARY_NAMES_ZH)[p.library as LibraryKey] ?? p.library,
    (en ? CATEGORY_NAMES_EN : CATEGORY_NAMES_ZH)[p.category as GreenCategory] ?? p.category,
    (en ? STATUS_NAMES_EN : STATUS_NAMES_ZH)[p.status as ProjectStatus] ?? p.status,
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export const librarySearchCommand: Command = {
  name: 'search',
  positionals: 1,
  options: { db: { type: 'string' }, limit: { type: 'string' }, ...FILTER_OPTIONS },
  async run(args, ctx) {
    const text = args.positionals[0];
    if (text === undefined) throw new AppError('MISSING_ARGUMENT', { path: 'TEXT', params: { name: 'TEXT' } });
    const q = queryText(text, 'TEXT');
    const filter = filterFromArgs(args);
    const limit = intOption(args, 'limit', 1, 1000) ?? 20;
    const db = openDatabase(resolve(requireString(args, 'db')), { create: false });
    try {
      const found = await searchProjects(db.read, { ...filter, q }, 0, limit);
      const items: SearchItem[] = found.items.map((p) => ({
        id: p.id,
        name: p.name,
        ownerName: p.ownerName,
        district: p.district,
        library: p.library,
        category: p.category,
        status: p.status,
      }));
      const human = ctx.msg.searchDone(found.total, items.length) + (items.length ? '\n' + searchTable(items, ctx.lang) : '');
      ctx.result({ total: found.total, items }, human);
    } finally {
      await db.close();
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The group

/** One entry per sub-command, loaded on demand. */
const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  search: async () => librarySearchCommand,
  import: async () => (await import('./library-import.js')).libraryImportCommand,
};

export const libraryCommand: Command = await commandGroup('library', SUBCOMMANDS);
