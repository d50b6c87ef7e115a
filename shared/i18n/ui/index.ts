/**
 * The renderer's UI catalogs by language: the base catalog (zh-CN.ts / en.ts) with the catalogs of the larger
 * features merged in under their own keys (`applications`, `signin`, `postloan`, `hubsync`). English is typed by the Chinese shape, so a
 * missing key fails the type check.
 */
import type { Lang } from '../errors.js';
import { applicationsEn } from './applications.en.js';
import { applicationsZhCN } from './applications.zh-CN.js';
import { authEn } from './auth.en.js';
import { authZhCN } from './auth.zh-CN.js';
import { checksEn } from './checks.en.js';
import { checksZhCN } from './checks.zh-CN.js';
import { en as enBase } from './en.js';
import { syncEn } from './sync.en.js';
import { syncZhCN } from './sync.zh-CN.js';
import { zhCN as zhCNBase } from './zh-CN.js';

export const zhCN = { ...zhCNBase, applications: applicationsZhCN, signin: authZhCN, postloan: checksZhCN, hubsync: syncZhCN };
export type UiCatalog = typeof zhCN;
export const en: UiCatalog = { ...enBase, applications: applicationsEn, signin: authEn, postloan: checksEn, hubsync: syncEn };

export const UI_CATALOGS: Record<Lang, UiCatalog> = { 'zh-CN': zhCN, en };
