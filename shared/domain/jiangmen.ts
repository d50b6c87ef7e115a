/** Fixed facts of the Jiangmen green-finance domain (DOMAIN.md). Pure data, no imports. */

export const DISTRICTS = ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市'] as const;
export type District = (typeof DISTRICTS)[number];

export const LIBRARIES = ['green', 'waste_free', 'transition'] as const;
export type LibraryKey = (typeof LIBRARIES)[number];
export const LIBRARY_NAMES_ZH: Record<LibraryKey, string> = {
  green: '绿色项目库',
  waste_free: '无废城市项目库',
  transition: '转型项目库',
};
export const LIBRARY_NAMES_EN: Record<LibraryKey, string> = {
  green: 'Green projects',
  waste_free: 'Waste-free city projects',
  transition: 'Transition projects',
};

export const GREEN_CATEGORIES = [
  'energy_saving_carbon_reduction',
  'environmental_protection',
  'resource_recycling',
  'energy_transition',
  'ecological_protection',
  'infrastructure_upgrade',
  'green_services',
  'green_trade',
  'green_consumption',
] as const;
export type GreenCategory = (typeof GREEN_CATEGORIES)[number];
export const CATEGORY_NAMES_ZH: Record<GreenCategory, string> = {
  energy_saving_carbon_reduction: '节能降碳产业',
  environmental_protection: '环境保护产业',
  resource_recycling: '资源循环利用产业',
  energy_transition: '能源绿色低碳转型',
  ecological_protection: '生态保护修复和利用',
  infrastructure_upgrade: '基础设施绿色升级',
  green_services: '绿色服务',
  green_trade: '绿色贸易',
  green_consumption: '绿色消费',
};
export const CATEGORY_NAMES_EN: Record<GreenCategory, string> = {
  energy_saving_carbon_reduction: 'Energy saving & carbon reduction',
  environmental_protection: 'Environmental protection',
  resource_recycling: 'Resource recycling',
  energy_transition: 'Energy transition',
  ecological_protection: 'Ecological protection & restoration',
  infrastructure_upgrade: 'Green infrastructure upgrade',
  green_services: 'Green services',
  green_trade: 'Green trade',
  green_consumption: 'Green consumption',
};

export const PROJECT_STATUSES = ['listed', 'under_construction', 'in_operation', 'withdrawn'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const STATUS_NAMES_ZH: Record<ProjectStatus, string> = {
  listed: '已入库',
  under_construction: '在建',
  in_operation: '已投产',
  withdrawn: '已出库',
};
export const STATUS_NAMES_EN: Record<ProjectStatus, string> = {
  listed: 'Listed',
  under_construction: 'Under construction',
  in_operation: 'In operation',
  withdrawn: 'Withdrawn',
};

/** CERF (碳减排支持工具) areas and "无废城市"-related categories. */
export const CERF_CATEGORIES: readonly GreenCategory[] = ['energy_saving_carbon_reduction', 'energy_transition'];
export const WASTE_FREE_CATEGORIES: readonly GreenCategory[] = ['resource_recycling', 'environmental_protection'];
