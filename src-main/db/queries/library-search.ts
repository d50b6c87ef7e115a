/**
 * Searching the library: any substring of a project's id, name, owner or owner's credit code (migration 003's
 * trigram index), with filters, best match first, paged, with the total count.
 *
 * Query text: split on white space into terms, every term must match (AND); control characters are dropped; only
 * white space = no query. Terms of three characters or more are FTS5 phrases (a trigram phrase = a substring).
 * Shorter terms are expanded through the index vocabulary into the trigrams that start with them (the indexed
 * texts end with two sentinels, so every character starts a trigram); a term whose expansion is too large (a
 * single digit or Latin letter) falls back to a LIKE scan of the project table.
 *
 * Order: tier, then bm25, then id. Tiers: 0 the query is exactly the id or the credit code; 1 the name starts with
 * it; 2 the name contains it; 3 the owner's name contains it; 4 the rest (a part of the id or credit code). When a
 * search matches more than RANK_ALL_LIMIT projects, ranking every match costs more than the 30 ms budget (about
 * a microsecond per match), so the tiers are taken one after the other from the index and, within a tier, in
 * index (rowid) order, reading only as many rows as the page needs: tiers still come first, bm25 among thousands
 * of rows that merely contain a common word carries no information anyway.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ProjectSummary } from '../../../shared/domain/project.js';
import { INDUSTRY_MARK, META_CODES, META_MARK } from '../migrations/003_search.js';
import type { ReadDb } from '../open.js';
import type { ProjectFilter } from './library.js';

export interface SearchFilter extends ProjectFilter {
  /** Free text; white space separates terms that must all match. */
  q?: string | undefined;
  /** GB/T 4754 code prefix, e.g. "C30" (case-insensitive). */
  industryPrefix?: string | undefined;
}

export interface SearchPage {
  total: number;
  items: ProjectSummary[];
}

/** Above this many matches, the page is read tier by tier in index order instead of ranking every match. */
export const RANK_ALL_LIMIT = 2000;
/**
 * A one- or two-character term that starts more trigrams than this is searched by a LIKE scan of the projects
 * instead (about 85 ms over 100,000 projects): an FTS5 OR of that many phrases costs more, per tier, than the scan.
 * Rare characters (few projects) may expand to up to MAX_EXPANSION_RARE trigrams and still use the index.
 */
export const MAX_EXPANSION = 300;
export const MAX_EXPANSION_RARE = 1000;
const RARE_DOCS = 5000;
/** Column weights for bm25: id, name, owner_name, owner_uscc, meta. */
const BM25 = sql`bm25(project_fts, 8.0, 4.0, 2.0, 8.0, 0.0)`;

const SUMMARY_COLUMNS = sql.raw(
  'p.id, p.library, p.name, p.owner_name, p.owner_uscc, p.district, p.industry_code, p.category, p.status, ' +
    'p.financing_need_fen, p.updated_at',
);

// ---------------------------------------------------------------------------------------------------------------
// Query text

// eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped here
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The terms of a query: split on white space (full-width too), control characters dropped, duplicates removed. */
export function queryTerms(q: string | undefined): string[] {
  if (q === undefined) return [];
  const terms = q
    .split(/\s+/u)
    .map((t) => t.replace(CONTROL, ''))
    .filter((t) => t !== '');
  return [...new Set(terms)];
}

const charLength = (s: string) => [...s].length;

/** An FTS5 string: double quotes around, inner double quotes doubled. Everything inside is literal. */
export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A LIKE pattern that matches `s` literally (with ESCAPE '\'). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Filters

const FILTER_KINDS = [
  ['library', 'L'],
  ['district', 'D'],
  ['category', 'C'],
  ['status', 'S'],
] as const;

/** The filters as `meta` phrases, or null if a filter value cannot match anything (unknown value). */
function metaFilters(f: SearchFilter): string[] | null {
  const out: string[] = [];
  for (const [field, kind] of FILTER_KINDS) {
    const value = f[field];
    if (!value) continue;
    const codes: Record<string, string> = META_CODES[kind];
    const code = Object.prototype.hasOwnProperty.call(codes, value) ? codes[value] : undefined;
    if (code === undefined) return null;
    out.push(`meta : ${ftsPhrase(META_MARK + kind + code)}`);
  }
  if (f.industryPrefix) out.push(`meta : ${ftsPhrase(INDUSTRY_MARK + INDUSTRY_MARK + f.industryPrefix)}`);
  return out;
}

/** The filters as SQL conditions on `project p`. */
function sqlFilters(f: SearchFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.library) out.push(sql`p.library = ${f.library}`);
  if (f.district) out.push(sql`p.district = ${f.district}`);
  if (f.category) out.push(sql`p.category = ${f.category}`);
  if (f.status) out.push(sql`p.status = ${f.status}`);
  if (f.industryPrefix) {
    const prefix = f.industryPrefix.toUpperCase();
    out.push(sql`p.industry_code >= ${prefix} AND p.industry_code < ${prefix + '\u{10ffff}'}`);
  }
  return out;
}

const where = (conds: RawBuilder<unknown>[]) => (conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);

// ---------------------------------------------------------------------------------------------------------------
// Terms → FTS5 expressions

interface TermExpr {
  term: string;
  /** Matches the term anywhere in a column. */
  any: string;
  /** Matches the term at the start of a column. */
  start: string;
}

type Expansion = { kind: 'fts'; terms: TermExpr[] } | { kind: 'none' } | { kind: 'scan' };

async function expandTerms(db: ReadDb, terms: string[]): Promise<Expansion> {
  const out: TermExpr[] = [];
  for (const term of terms) {
    if (charLength(term) >= 3) {
      out.push({ term, any: ftsPhrase(term), start: `^${ftsPhrase(term)}` });
      continue;
    }
    // The trigrams in the index that start with the term (folded as the tokenizer folds Latin letters).
    const lo = term.toLowerCase();
    const { rows } = await sql<{ term: string; doc: number }>`
      SELECT term, doc FROM project_fts_vocab WHERE term >= ${lo} AND term < ${lo + '\u{10ffff}'}
    `.execute(db);
    const kept = rows.filter((r) => !r.term.includes(META_MARK) && !r.term.includes(INDUSTRY_MARK));
    const grams = kept.map((r) => r.term);
    if (grams.length === 0) return { kind: 'none' };
    const docs = kept.reduce((n, r) => n + r.doc, 0);
    if (grams.length > MAX_EXPANSION_RARE || (grams.length > MAX_EXPANSION && docs > RARE_DOCS)) return { kind: 'scan' };
    out.push({
      term,
      any: `(${grams.map(ftsPhrase).join(' OR ')})`,
      start: `(${grams.map((g) => '^' + ftsPhrase(g)).join(' OR ')})`,
    });
  }
  return { kind: 'fts', terms: out };
}

const SEARCHED = '{id name owner_name owner_uscc}';
const all = (parts: string[]) => parts.join(' AND ');

// ---------------------------------------------------------------------------------------------------------------
// Tiers as SQL (for ranking a set of rows already found)

function tierCase(terms: string[]): RawBuilder<number> {
  const contains = (col: string) =>
    sql.join(terms.map((t) => sql`${sql.ref(col)} LIKE ${'%' + likeLiteral(t) + '%'} ESCAPE '\\'`), sql` AND `);
  const first = terms[0]!;
  const exact =
    terms.length === 1 ? sql`WHEN lower(p.id) = ${first.toLowerCase()} OR lower(p.owner_uscc) = ${first.toLowerCase()} THEN 0` : sql``;
  return sql<number>`CASE ${exact}
    WHEN p.name LIKE ${likeLiteral(first) + '%'} ESCAPE '\\' AND ${contains('p.name')} THEN 1
    WHEN ${contains('p.name')} THEN 2
    WHEN ${contains('p.owner_name')} THEN 3
    ELSE 4 END`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

type SummaryRow = ProjectSummary & { rid?: number };

function toSummary(r: SummaryRow): ProjectSummary {
  return {
    id: r.id,
    library: r.library,
    name: r.name,
    ownerName: r.ownerName,
    ownerUscc: r.ownerUscc,
    district: r.district,
    industryCode: r.industryCode,
    category: r.category,
    status: r.status,
    financingNeedFen: r.financingNeedFen,
    updatedAt: r.updatedAt,
  };
}

async function ftsCount(db: ReadDb, expr: string, extra: RawBuilder<unknown> = sql``): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM project_fts WHERE project_fts MATCH ${expr}${extra}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function ftsRowids(db: ReadDb, expr: string, extra: RawBuilder<unknown>, offset: number, limit: number): Promise<number[]> {
  const { rows } = await sql<{ rid: number }>`
    SELECT rowid AS rid FROM project_fts WHERE project_fts MATCH ${expr}${extra} ORDER BY rowid LIMIT ${limit} OFFSET ${offset}
  `.execute(db);
  return rows.map((r) => r.rid);
}

/** Text that could be a project id or a credit code. */
const ID_LIKE = /^[A-Za-z0-9_-]+$/;

/** Rowids of the projects whose id or credit code is exactly the term (as typed, upper or lower case), by id. */
async function exactRowids(db: ReadDb, f: SearchFilter, term: string): Promise<number[]> {
  const forms = [...new Set([term, term.toUpperCase(), term.toLowerCase()])];
  const conds = [sql`(p.id IN (${sql.join(forms)}) OR p.owner_uscc IN (${sql.join(forms)}))`, ...sqlFilters(f)];
  const { rows } = await sql<{ rid: number }>`SELECT p.rowid AS rid FROM project p ${where(conds)} ORDER BY p.id`.execute(db);
  return rows.map((r) => r.rid);
}

async function summariesByRowid(db: ReadDb, rowids: number[]): Promise<ProjectSummary[]> {
  if (rowids.length === 0) return [];
  const { rows } = await sql<SummaryRow>`
    SELECT p.rowid AS rid, ${SUMMARY_COLUMNS} FROM project p WHERE p.rowid IN (SELECT value FROM json_each(${JSON.stringify(rowids)}))
  `.execute(db);
  const byRowid = new Map(rows.map((r) => [r.rid, r]));
  return rowids.flatMap((id) => {
    const r = byRowid.get(id);
    return r ? [toSummary(r)] : [];
  });
}

/** No query text: the filters (industry prefix included), newest update first, then by id (as listProjects). */
async function listFiltered(db: ReadDb, f: SearchFilter, offset: number, limit: number): Promise<SearchPage> {
  const w = where(sqlFilters(f));
  const [count, page] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM project p ${w}`.execute(db),
    sql<SummaryRow>`SELECT ${SUMMARY_COLUMNS} FROM project p ${w} ORDER BY p.updated_at DESC, p.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
  ]);
  return { total: Number(count.rows[0]?.n ?? 0), items: page.rows.map(toSummary) };
}

/** Every term somewhere in the id, name, owner or credit code (LIKE: case-insensitive for Latin letters). */
function likeTerms(terms: string[]): RawBuilder<unknown>[] {
  return terms.map((t) => {
    const pattern = '%' + likeLiteral(t) + '%';
    return sql`(p.id LIKE ${pattern} ESCAPE '\\' OR p.name LIKE ${pattern} ESCAPE '\\'
      OR p.owner_name LIKE ${pattern} ESCAPE '\\' OR p.owner_uscc LIKE ${pattern} ESCAPE '\\')`;
  });
}

/** A term too short and too common for the index: a LIKE scan of the projects, ranked by tier then id. */
async function scanSearch(db: ReadDb, f: SearchFilter, terms: string[], offset: number, limit: number): Promise<SearchPage> {
  const w = where([...sqlFilters(f), ...likeTerms(terms)]);
  const [count, page] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM project p ${w}`.execute(db),
    sql<SummaryRow>`SELECT ${SUMMARY_COLUMNS} FROM project p ${w} ORDER BY ${tierCase(terms)}, p.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
  ]);
  return { total: Number(count.rows[0]?.n ?? 0), items: page.rows.map(toSummary) };
}

/**
 * The projects matching the filter (query text included) as one SQL condition on `project p`, for reading them
 * in another order (exports); null when nothing can match.
 */
export async function matchCondition(db: ReadDb, f: SearchFilter): Promise<RawBuilder<unknown> | null> {
  const terms = queryTerms(f.q);
  if (terms.length === 0) return sqlCondition(sqlFilters(f));
  const filters = metaFilters(f);
  if (filters === null) return null;
  const expansion = await expandTerms(db, terms);
  if (expansion.kind === 'none') return null;
  if (expansion.kind === 'scan') return sqlCondition([...sqlFilters(f), ...likeTerms(terms)]);
  const base = all([`${SEARCHED} : (${all(expansion.terms.map((x) => x.any))})`, ...filters]);
  return sql`p.rowid IN (SELECT rowid FROM project_fts WHERE project_fts MATCH ${base})`;
}

const sqlCondition = (conds: RawBuilder<unknown>[]) => (conds.length ? sql.join(conds, sql` AND `) : sql`1`);

/**
 * One page of the projects matching the filter, best match first, and the total. Without query text, the
 * filtered list in the library's usual order (newest update first).
 */
export async function searchProjects(db: ReadDb, f: SearchFilter, offset: number, limit: number): Promise<SearchPage> {
  const terms = queryTerms(f.q);
  if (terms.length === 0) return listFiltered(db, f, offset, limit);
  const filters = metaFilters(f);
  if (filters === null) return { total: 0, items: [] };
  const expansion = await expandTerms(db, terms);
  if (expansion.kind === 'none') return { total: 0, items: [] };
  if (expansion.kind === 'scan') return scanSearch(db, f, terms, offset, limit);
  const t = expansion.terms;

  const base = all([`${SEARCHED} : (${all(t.map((x) => x.any))})`, ...filters]);
  const total = await ftsCount(db, base);
  if (total === 0 || offset >= total) return { total, items: [] };

  if (total <= RANK_ALL_LIMIT) {
    const { rows } = await sql<SummaryRow>`
      SELECT ${SUMMARY_COLUMNS}
      FROM project_fts CROSS JOIN project p ON p.rowid = project_fts.rowid
      WHERE project_fts MATCH ${base}
      ORDER BY ${tierCase(terms)}, ${BM25}, p.id
      LIMIT ${limit} OFFSET ${offset}
    `.execute(db);
    return { total, items: rows.map(toSummary) };
  }

  // Many matches: tier after tier, each in index order, reading only what the page needs. Tier 0 (the exact id
  // or credit code, as typed, upper or lower case) comes from the primary key and the credit-code index.
  const first = t[0]!;
  const exact = t.length === 1 && ID_LIKE.test(first.term) ? await exactRowids(db, f, first.term) : [];
  const notExact = exact.length ? sql` AND rowid NOT IN (SELECT value FROM json_each(${JSON.stringify(exact)}))` : sql``;
  const rest = t.slice(1).map((x) => x.any);
  const tiers = [
    `name : (${all([first.start, ...rest])})`,
    `name : (${all(t.map((x) => x.any))})`,
    `owner_name : (${all(t.map((x) => x.any))})`,
    `${SEARCHED} : (${all(t.map((x) => x.any))})`,
  ];

  const rowids: number[] = exact.slice(offset, offset + limit);
  let before = exact.length; // matches in the tiers already passed
  for (let k = 0; k < tiers.length && rowids.length < limit; k++) {
    const last = k === tiers.length - 1;
    const expr = all([`(${tiers[k]!})`, ...filters]) + (k > 0 ? ` NOT (${tiers.slice(0, k).join(' OR ')})` : '');
    const need = limit - rowids.length;
    const start = offset + rowids.length; // the overall position of the next row wanted
    if (start <= before) {
      // The page runs into this tier from its first row: read it; a short read is the tier's whole size.
      const got = await ftsRowids(db, expr, notExact, 0, need);
      rowids.push(...got);
      before += got.length;
      continue;
    }
    const size = last ? total - before : await ftsCount(db, expr, notExact);
    if (start < before + size) rowids.push(...(await ftsRowids(db, expr, notExact, start - before, need)));
    before += size;
  }
  return { total, items: await summariesByRowid(db, rowids) };
}
