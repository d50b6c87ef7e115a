/** The 项目库 page: filters, the current page of projects from 'library.list', loading and error. */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import type { District, GreenCategory, LibraryKey, ProjectStatus } from '../../shared/domain/jiangmen.js';
import type { ProjectSummary } from '../../shared/domain/project.js';

export const LIBRARY_PAGE_SIZE = 50;

export interface LibraryFilters {
  library?: LibraryKey;
  district?: District;
  category?: GreenCategory;
  status?: ProjectStatus;
}

interface LibraryData {
  filters: LibraryFilters;
  page: number;
  items: ProjectSummary[];
  total: number;
  loading: boolean;
  error: string | null;
  /** Has at least one page been loaded (to tell "still loading" from "empty"). */
  loaded: boolean;
}

export interface LibraryState extends LibraryData {
  setFilter<K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K] | undefined): void;
  resetFilters(): void;
  setPage(page: number): void;
  load(client: ApiClient): Promise<void>;
}

export const initialLibraryData: LibraryData = {
  filters: {},
  page: 1,
  items: [],
  total: 0,
  loading: false,
  error: null,
  loaded: false,
};

let requestSeq = 0;

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  ...initialLibraryData,
  setFilter(key, value) {
    const filters = { ...get().filters };
    if (value === undefined || value === null) delete filters[key];
    else filters[key] = value;
    set({ filters, page: 1 });
  },
  resetFilters: () => set({ filters: {}, page: 1 }),
  setPage: (page) => set({ page }),
  async load(client) {
    const seq = ++requestSeq;
    const { filters, page } = get();
    set({ loading: true, error: null });
    try {
      const res = await client.call('library.list', { ...filters, page, pageSize: LIBRARY_PAGE_SIZE });
      if (seq !== requestSeq) return; // a newer request superseded this one
      set({ items: res.items, total: res.total, loading: false, loaded: true });
    } catch (err) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: err instanceof Error ? err.message : String(err), items: [], total: 0 });
    }
  },
}));
