/** The renderer's UI catalogs by language. */
import type { Lang } from '../errors.js';
import { en } from './en.js';
import { zhCN, type UiCatalog } from './zh-CN.js';

export type { UiCatalog };
export const UI_CATALOGS: Record<Lang, UiCatalog> = { 'zh-CN': zhCN, en };
