/** i18next for the renderer: catalogs from shared/i18n/ui, zh-CN by default, following the ui store's language. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../shared/i18n/errors.js';
import { UI_CATALOGS } from '../shared/i18n/ui/index.js';
import { useUiStore } from './stores/ui.js';

function applyDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: UI_CATALOGS['zh-CN'] },
    en: { translation: UI_CATALOGS.en },
  },
  lng: useUiStore.getState().lang,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
applyDocumentLang(useUiStore.getState().lang);

useUiStore.subscribe((state, prev) => {
  if (state.lang !== prev.lang) {
    void i18n.changeLanguage(state.lang);
    applyDocumentLang(state.lang);
  }
});

export { i18n };
