/** Typed translation keys: t('nav.library') is checked against the Chinese catalog. */
import 'i18next';
import type { UiCatalog } from '../shared/i18n/ui/index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiCatalog };
  }
}
