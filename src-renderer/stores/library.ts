/**
 * The 项目库 page: the search text and filters, and the matching projects as a sparse row cache by index.
 *
 * The whole result (up to 100,000 projects and more) is one long virtual list whose length is the total from the
 * first 'library.list' answer; pages of LIBRARY_PAGE_SIZE rows are fetched as rows come into view (ensureRange)
 * and kept by index. Every change of the query (q or a filter) starts a new generation: answers that belong to an
 * older generation are dropped, so a slow answer to "光" never overwrites the answer to "光伏".
 */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import type { LibraryFilter } from '../../shared/contract/methods/library.js';
import type { District, GreenCategory, LibraryKey, ProjectStatus } from '../../shared/domain/jiangmen.js';
import type { ProjectSummary } from '../../shared/domain/project.js';

export const LIBRARY_PAGE_SIZE = 200;
/** Pages fetched at once while scrolling; more wait for a free slot. */
const MAX_IN_FLIGHT = 3;

export const INDUSTRY_PREFIX_RE = /^[A-T]\d{0,4}$/i;

export interface LibraryFilters {
  library?: LibraryKey;
  district?: District;
  category?: GreenCategory;
  status?: ProjectStatus;
  /** GB/T 4754 code prefix, upper case, e.g. "C30". */
  industryPrefix?: string;
}

/** One line of the virtual list: a project, or a placeholder while its page is on the way. */
export interface LibraryRow {
  key: string;
  index: number;
  project: ProjectSummary | null;
}

interface LibraryData {
  filters: LibraryFilters;
  /** The query text applied to the list (debounced from searchText). */
  q: string;
  /** What the search box shows. */
  searchText: string;
  /** What the industry-code prefix box shows (applied to filters only when valid). */
  prefixText: string;
  /** Bumped by every new query; answers of older generations are ignored. */
  generation: number;
  total: number;
  rows: LibraryRow[];
  /** The first page of the current query is on its way. */
  loading: boolean;
  /** Has at least one answer arrived (to tell "still loading" from "empty"). */
  loaded: boolean;
  error: string | null;
}

export interface LibraryState extends LibraryData {
  setSearchText(text: string): void;
  setQuery(q: string): void;
  setFilter<K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K] | undefined): void;
  setPrefixText(text: string): void;
  resetFilters(): void;
  /** Starts over for the current query: the total and the first page. */
  load(client: ApiClient): Promise<void>;
  /** Makes sure the rows first..last (indexes) are loaded or on their way. */
  ensureRange(client: ApiClient, first: number, last: number): void;
}

export const initialLibraryData: LibraryData = {
  filters: {},
  q: '',
  searchText: '',
  prefixText: '',
  generation: 0,
  total: 0,
  rows: [],
  loading: false,
  loaded: false,
  error: null,
};

/** The query as 'library.list' and 'library.export' take it (no empty q). */
export function currentFilter(s: Pick<LibraryData, 'filters' | 'q'>): LibraryFilter {
  const q = s.q.trim();
  return q ? { ...s.filters, q } : { ...s.filters };
}

export function isFiltered(s: Pick<LibraryData, 'filters' | 'q'>): boolean {
  return Object.keys(s.filters).length > 0 || s.q.trim() !== '';
}

function placeholder(index: number): LibraryRow {
  return { key: `#${index}`, index, project: null };
}

/** Generations are numbered for the whole session (never reused, even after the store is reset). */
let generationSeq = 0;
/** Page numbers (1-based) in flight or loaded, for the current generation only. */
let pagesGeneration = -1;
const pagesLoaded = new Set<number>();
const pagesInFlight = new Set<number>();
const pagesWanted = new Set<number>();

function pagesFor(generation: number) {
  if (pagesGeneration !== generation) {
    pagesGeneration = generation;
    pagesLoaded.clear();
    pagesInFlight.clear();
    pagesWanted.clear();
  }
  return { loaded: pagesLoaded, inFlight: pagesInFlight, wanted: pagesWanted };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const useLibraryStore = create<LibraryState>()((set, get) => {
  /** Writes one page of answers into the row cache (a new array; untouched rows keep their objects). */
  function fill(rows: LibraryRow[], page: number, items: ProjectSummary[]): LibraryRow[] {
    const next = rows.slice();
    const start = (page - 1) * LIBRARY_PAGE_SIZE;
    items.forEach((p, i) => {
      const index = start + i;
      if (index < next.length) next[index] = { key: p.id, index, project: p };
    });
    return next;
  }

  async function fetchPage(client: ApiClient, generation: number, page: number): Promise<void> {
    const pages = pagesFor(generation);
    pages.inFlight.add(page);
    pages.wanted.delete(page);
    try {
      const res = await client.call('library.list', { ...currentFilter(get()), page, pageSize: LIBRARY_PAGE_SIZE });
      if (get().generation !== generation) return; // a newer query superseded this one
      pages.loaded.add(page);
      set((s) => ({ rows: fill(s.rows, page, res.items) }));
    } catch {
      // A page that failed stays a placeholder; it is asked for again when it comes into view.
    } finally {
      if (get().generation === generation) {
        pages.inFlight.delete(page);
        pump(client, generation);
      }
    }
  }

  /** Starts wanted pages while there is a free slot. */
  function pump(client: ApiClient, generation: number): void {
    const pages = pagesFor(generation);
    for (const page of pages.wanted) {
      if (pages.inFlight.size >= MAX_IN_FLIGHT) break;
      void fetchPage(client, generation, page);
    }
  }

  return {
    ...initialLibraryData,
    setSearchText: (searchText) => set({ searchText }),
    setQuery(q) {
      if (q.trim() === get().q.trim()) return;
      set({ q: q.trim() });
    },
    setFilter(key, value) {
      const filters = { ...get().filters };
      if (value === undefined || value === null || value === '') delete filters[key];
      else filters[key] = value;
      set({ filters });
    },
    setPrefixText(text) {
      const t = text.trim().toUpperCase();
      set({ prefixText: text });
      if (t === '') get().setFilter('industryPrefix', undefined);
      else if (INDUSTRY_PREFIX_RE.test(t)) get().setFilter('industryPrefix', t);
      // An invalid prefix is shown as such and never sent; the last valid one stays applied.
    },
    resetFilters: () => set({ filters: {}, q: '', searchText: '', prefixText: '' }),

    async load(client) {
      const generation = ++generationSeq;
      const pages = pagesFor(generation);
      pages.inFlight.add(1);
      // Keep the rows of the previous query on screen until the new answer arrives (no flash of an empty table).
      set({ generation, loading: true, error: null });
      try {
        const res = await client.call('library.list', { ...currentFilter(get()), page: 1, pageSize: LIBRARY_PAGE_SIZE });
        if (get().generation !== generation) return;
        pages.loaded.add(1);
        pages.inFlight.delete(1);
        const rows = Array.from({ length: res.total }, (_, i) => placeholder(i));
        set({ total: res.total, rows: fill(rows, 1, res.items), loading: false, loaded: true });
        pump(client, generation);
      } catch (err) {
        if (get().generation !== generation) return;
        pages.inFlight.delete(1);
        set({ loading: false, loaded: true, error: message(err), rows: [], total: 0 });
      }
    },

    ensureRange(client, first, last) {
      const { generation, total, loading } = get();
      if (loading || total === 0) return;
      const pages = pagesFor(generation);
      const from = Math.max(0, Math.floor(first / LIBRARY_PAGE_SIZE)) + 1;
      const to = Math.floor(Math.min(total - 1, Math.max(first, last)) / LIBRARY_PAGE_SIZE) + 1;
      // Nearest pages first: the visible ones before the prefetched one.
      pages.wanted.clear();
      for (let page = from; page <= to; page++) {
        if (!pages.loaded.has(page) && !pages.inFlight.has(page)) pages.wanted.add(page);
      }
      pump(client, generation);
    },
  };
});
