/** Domain names (所属库, 区域, 绿色分类, 状态) in the UI language, from shared/domain/jiangmen.ts. */
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_NAMES_EN,
  CATEGORY_NAMES_ZH,
  LIBRARY_NAMES_EN,
  LIBRARY_NAMES_ZH,
  STATUS_NAMES_EN,
  STATUS_NAMES_ZH,
  type District,
  type GreenCategory,
  type LibraryKey,
  type ProjectStatus,
} from '../../shared/domain/jiangmen.js';

/** English names of the seven districts (the Chinese name is the key). */
const DISTRICT_NAMES_EN: Record<District, string> = {
  蓬江区: 'Pengjiang',
  江海区: 'Jianghai',
  新会区: 'Xinhui',
  台山市: 'Taishan',
  开平市: 'Kaiping',
  鹤山市: 'Heshan',
  恩平市: 'Enping',
};

export interface DomainLabels {
  library(key: LibraryKey): string;
  category(key: GreenCategory): string;
  status(key: ProjectStatus): string;
  district(name: District): string;
}

export function domainLabels(lang: string): DomainLabels {
  const en = lang === 'en';
  return {
    library: (k) => (en ? LIBRARY_NAMES_EN : LIBRARY_NAMES_ZH)[k] ?? k,
    category: (k) => (en ? CATEGORY_NAMES_EN : CATEGORY_NAMES_ZH)[k] ?? k,
    status: (k) => (en ? STATUS_NAMES_EN : STATUS_NAMES_ZH)[k] ?? k,
    district: (d) => (en ? (DISTRICT_NAMES_EN[d] ?? d) : d),
  };
}

export function useDomainLabels(): DomainLabels {
  const { i18n } = useTranslation();
  return domainLabels(i18n.language);
}

/** Tag colours by project status. */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  listed: 'green',
  under_construction: 'gold',
  in_operation: 'cyan',
  withdrawn: 'default',
};
