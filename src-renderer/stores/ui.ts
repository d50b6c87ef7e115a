/** UI state kept across restarts: the current page and the language (localStorage `greendesk.ui`). */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Lang } from '../../shared/i18n/errors.js';

export const PAGE_KEYS = ['library', 'applications', 'checks', 'exports', 'sync', 'settings'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

export function isPageKey(value: unknown): value is PageKey {
  return typeof value === 'string' && (PAGE_KEYS as readonly string[]).includes(value);
}

export interface UiState {
  page: PageKey;
  lang: Lang;
  setPage(page: PageKey): void;
  setLang(lang: Lang): void;
}

export const UI_STORAGE_KEY = 'greendesk.ui';

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      page: 'library',
      lang: 'zh-CN',
      setPage: (page) => set({ page }),
      setLang: (lang) => set({ lang }),
    }),
    {
      name: UI_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ page: s.page, lang: s.lang }),
      // Whatever is in localStorage is untrusted: keep only known values.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Record<'page' | 'lang', unknown>>;
        return {
          ...current,
          page: isPageKey(p.page) ? p.page : current.page,
          lang: p.lang === 'en' || p.lang === 'zh-CN' ? p.lang : current.lang,
        };
      },
    },
  ),
);
