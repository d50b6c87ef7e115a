import type { Migration } from './types.js';

/**
 * Full-text search over the library: one FTS5 index with the trigram tokenizer (substrings, case-insensitive for
 * Latin letters) over the project's id, name, owner and owner's credit code, plus a `meta` column holding the
 * filter values as short codes, so that a search with filters and its total count are answered by the index
 * alone, without reading a project row per candidate.
 *
 * External content: the index keeps no copy of the text; it reads the view `project_fts_source` (the project
 * table by rowid) when it rebuilds. Every indexed text ends with two U+001F sentinels, so that every character of
 * a field starts a trigram: a one- or two-character query is answered from the index too, by expanding it (via
 * the vocabulary table `project_fts_vocab`) into the trigrams that start with it. Triggers keep the index in
 * sync: a project's entry is removed before an update or delete (read through the view while the old row is
 * still there) and added after an insert or update. Updates that touch no indexed column cost nothing.
 *
 * Bulk writes: FTS5 flushes its pending data at every statement savepoint, so indexing row by row inside a large
 * import costs about 70 µs a project (a 100,000-project first import: ~7 s of ~11 s). A bulk writer may instead,
 * inside its transaction, `INSERT INTO search_index_paused VALUES (1)` before writing (the triggers then do
 * nothing), and `DELETE FROM search_index_paused; INSERT INTO project_fts (project_fts) VALUES ('rebuild')` after
 * (~2 s for 100,000 projects). Without that, the triggers keep the index right at every write.
 *
 * Caveat: `project` has no INTEGER PRIMARY KEY, so a VACUUM may renumber its rowids; whatever runs VACUUM must
 * then rebuild the index (`INSERT INTO project_fts (project_fts) VALUES ('rebuild')`).
 *
 * This file is frozen once shipped: the codes below are what the search query (queries/library-search.ts) uses.
 */

/** Sentinel appended (twice) to every indexed text field. */
export const SEARCH_SENTINEL = '\u001f';
/** Starts each filter code in `meta`: U+E000, then a kind letter, then one value character (one trigram). */
export const META_MARK = '\ue000';
/** Precedes the industry code in `meta`, twice, so that a one-letter prefix is a three-character phrase. */
export const INDUSTRY_MARK = '\ue001';

/** Filter kind → value → the one-character code stored in `meta`. Unknown values are stored as '?'. */
export const META_CODES = {
  L: { green: 'g', waste_free: 'w', transition: 't' },
  S: { listed: 'l', under_construction: 'u', in_operation: 'o', withdrawn: 'w' },
  D: { 蓬江区: '1', 江海区: '2', 新会区: '3', 台山市: '4', 开平市: '5', 鹤山市: '6', 恩平市: '7' },
  C: {
    energy_saving_carbon_reduction: '1',
    environmental_protection: '2',
    resource_recycling: '3',
    energy_transition: '4',
    ecological_protection: '5',
    infrastructure_upgrade: '6',
    green_services: '7',
    green_trade: '8',
    green_consumption: '9',
  },
} as const satisfies Record<string, Record<string, string>>;

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const codeOf = (kind: keyof typeof META_CODES, column: string) =>
  `${sqlText(META_MARK + kind)} || CASE ${column} ${Object.entries(META_CODES[kind])
    .map(([value, code]) => `WHEN ${sqlText(value)} THEN '${code}'`)
    .join(' ')} ELSE '?' END`;

const S2 = 'char(31, 31)';
const COLUMNS = 'id, name, owner_name, owner_uscc, meta';
const INDEXED = ['id', 'name', 'owner_name', 'owner_uscc', 'library', 'district', 'category', 'status', 'industry_code'];
const active = 'NOT EXISTS (SELECT 1 FROM search_index_paused)';
const changed = `${active} AND (${INDEXED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})`;

export const migration003: Migration = {
  version: 3,
  name: 'search',
  sql: `
    CREATE VIEW project_fts_source AS
    SELECT rowid AS rid,
      id || ${S2} AS id,
      name || ${S2} AS name,
      owner_name || ${S2} AS owner_name,
      owner_uscc || ${S2} AS owner_uscc,
      ${codeOf('L', 'library')} || ${codeOf('D', 'district')} || ${codeOf('C', 'category')} || ${codeOf('S', 'status')}
        || ${sqlText(INDUSTRY_MARK + INDUSTRY_MARK)} || industry_code || ${S2} AS meta
    FROM project;

    CREATE VIRTUAL TABLE project_fts USING fts5(
      ${COLUMNS},
      content = 'project_fts_source', content_rowid = 'rid', tokenize = 'trigram'
    );
    CREATE VIRTUAL TABLE project_fts_vocab USING fts5vocab(project_fts, 'row');

    -- A row here pauses the triggers during a bulk write, which then rebuilds the index (see above).
    CREATE TABLE search_index_paused (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;

    CREATE TRIGGER project_fts_after_insert AFTER INSERT ON project WHEN ${active} BEGIN
      INSERT INTO project_fts (rowid, ${COLUMNS}) SELECT rid, ${COLUMNS} FROM project_fts_source WHERE rid = new.rowid;
    END;

    CREATE TRIGGER project_fts_before_delete BEFORE DELETE ON project WHEN ${active} BEGIN
      INSERT INTO project_fts (project_fts, rowid, ${COLUMNS})
      SELECT 'delete', rid, ${COLUMNS} FROM project_fts_source WHERE rid = old.rowid;
    END;

    CREATE TRIGGER project_fts_before_update BEFORE UPDATE OF ${INDEXED.join(', ')} ON project WHEN ${changed} BEGIN
      INSERT INTO project_fts (project_fts, rowid, ${COLUMNS})
      SELECT 'delete', rid, ${COLUMNS} FROM project_fts_source WHERE rid = old.rowid;
    END;

    CREATE TRIGGER project_fts_after_update AFTER UPDATE OF ${INDEXED.join(', ')} ON project WHEN ${changed} BEGIN
      INSERT INTO project_fts (rowid, ${COLUMNS}) SELECT rid, ${COLUMNS} FROM project_fts_source WHERE rid = new.rowid;
    END;

    INSERT INTO project_fts (project_fts) VALUES ('rebuild');

    -- The industry filter without query text (a code-prefix range).
    CREATE INDEX project_industry_idx ON project (industry_code);
  `,
};
