/**
 * Data tables for the Jiangmen demo library: company-name parts, industries (GB/T 4754-2017 classes), project-name
 * templates per green category, recommending departments, towns and parks. Pure data; the generator (generate.ts)
 * combines them with a seeded PRNG.
 */
import type { District, GreenCategory, LibraryKey } from '../../../shared/domain/jiangmen.js';

type Weighted<T> = readonly (readonly [T, number])[];

// ---------------------------------------------------------------------------------------------------------------
// Districts

/** 6-digit administrative division codes (GB/T 2260) used in positions 3–8 of a 统一社会信用代码. */
export const DISTRICT_ADMIN_CODES: Record<District, string> = {
  蓬江区: '440703',
  江海区: '440704',
  新会区: '440705',
  台山市: '440781',
  开平市: '440783',
  鹤山市: '440784',
  恩平市: '440785',
};

/** How many listed companies a district has, roughly by the size of its industry. */
export const DISTRICT_WEIGHTS: Weighted<District> = [
  ['蓬江区', 18],
  ['江海区', 13],
  ['新会区', 22],
  ['台山市', 14],
  ['开平市', 13],
  ['鹤山市', 12],
  ['恩平市', 8],
];

/** The full name as used in front of a district-level department, e.g. 江门市新会区发展和改革局 / 台山市发展和改革局. */
export const DISTRICT_FULL_NAMES: Record<District, string> = {
  蓬江区: '江门市蓬江区',
  江海区: '江门市江海区',
  新会区: '江门市新会区',
  台山市: '台山市',
  开平市: '开平市',
  鹤山市: '鹤山市',
  恩平市: '恩平市',
};

/** Place prefixes for company names registered in each district (weighted). */
export const COMPANY_PLACE_PREFIXES: Record<District, Weighted<string>> = {
  蓬江区: [['江门市', 6], ['江门市蓬江区', 3], ['江门', 1]],
  江海区: [['江门市', 6], ['江门市江海区', 3], ['江门', 1]],
  新会区: [['江门市新会区', 6], ['江门市', 3], ['新会', 1]],
  台山市: [['台山市', 8], ['江门市', 1], ['台山', 1]],
  开平市: [['开平市', 8], ['江门市', 1], ['开平', 1]],
  鹤山市: [['鹤山市', 8], ['江门市', 1], ['鹤山', 1]],
  恩平市: [['恩平市', 8], ['江门市', 1], ['恩平', 1]],
};

/** Short place names used in brackets, e.g. 华润电力（台山）…, 粤海（江门）…. */
export const DISTRICT_SHORT_NAMES: Record<District, string> = {
  蓬江区: '江门',
  江海区: '江门',
  新会区: '新会',
  台山市: '台山',
  开平市: '开平',
  鹤山市: '鹤山',
  恩平市: '恩平',
};

/** Towns and sub-districts (镇、街道) of each district, used in project names. */
export const DISTRICT_TOWNS: Record<District, readonly string[]> = {
  蓬江区: ['白沙街道', '环市街道', '潮连街道', '杜阮镇', '棠下镇', '荷塘镇'],
  江海区: ['礼乐街道', '外海街道', '江南街道'],
  新会区: ['会城街道', '大泽镇', '司前镇', '罗坑镇', '双水镇', '崖门镇', '沙堆镇', '古井镇', '三江镇', '睦洲镇', '大鳌镇'],
  台山市: ['台城街道', '大江镇', '水步镇', '四九镇', '白沙镇', '三合镇', '冲蒌镇', '斗山镇', '都斛镇', '赤溪镇', '端芬镇', '广海镇', '海宴镇', '汶村镇', '深井镇', '北陡镇', '川岛镇'],
  开平市: ['长沙街道', '三埠街道', '水口镇', '月山镇', '沙塘镇', '苍城镇', '龙胜镇', '大沙镇', '马冈镇', '塘口镇', '赤坎镇', '百合镇', '蚬冈镇', '金鸡镇', '赤水镇'],
  鹤山市: ['沙坪街道', '龙口镇', '雅瑶镇', '古劳镇', '桃源镇', '鹤城镇', '共和镇', '址山镇', '宅梧镇', '双合镇'],
  恩平市: ['恩城街道', '横陂镇', '君堂镇', '圣堂镇', '良西镇', '东成镇', '大田镇', '那吉镇', '大槐镇', '沙湖镇', '牛江镇'],
};

/** Industrial parks (used by {park}). */
export const DISTRICT_PARKS: Record<District, readonly string[]> = {
  蓬江区: ['棠下工业园', '杜阮工业园', '荷塘工业区', '江门高新区蓬江园区'],
  江海区: ['江门高新区', '江海区滘头工业区', '江门高新区江沙园区'],
  新会区: ['银洲湖纸业基地', '崖门新财富环保电镀基地', '珠西新材料集聚区', '新会经济开发区', '今古洲工业园'],
  台山市: ['台山工业新城', '广海湾工业园区', '大江工业园'],
  开平市: ['翠山湖科技产业园', '开平水口水暖卫浴产业园', '开平沙冈工业区'],
  鹤山市: ['鹤山工业城', '鹤山共和工业园', '鹤山龙口工业区'],
  恩平市: ['恩平工业园', '恩平市产业转移工业园', '恩平沙湖工业区'],
};

// ---------------------------------------------------------------------------------------------------------------
// Company names

/** Curated trade names (字号) with a local flavour. */
export const BRAND_WORDS: readonly string[] = [
  '粤海', '华润', '银洲湖', '崖门', '侨乡', '五邑', '圭峰', '潭江', '古兜', '北峰', '大雁山', '镇海湾', '川岛', '上川',
  '梁金山', '碉楼', '赤坎', '葵乡', '西江', '江沙', '银湖', '广海', '大广海', '珠西', '鹤城', '恩城', '锦江', '侨兴',
  '侨汇', '邑美', '新宁', '冈州', '东湖', '白水带', '小鸟', '金山', '那吉', '叱石', '七星', '石花',
];

/** First and second characters for generated two-character trade names. */
export const BRAND_FIRST_CHARS: readonly string[] = [
  '华', '宏', '鸿', '嘉', '恒', '永', '德', '信', '骏', '昌', '盛', '富', '荣', '利', '泰', '安', '瑞', '兴', '新', '金',
  '银', '绿', '青', '碧', '蓝', '海', '江', '粤', '侨', '邑', '鹏', '龙', '凯', '卓', '联', '众', '捷', '铭', '裕', '丰',
  '源', '润', '景', '维', '晟', '煜', '弘', '博', '汇', '中', '南', '广', '东', '力', '达', '健', '尚', '美', '宝', '通',
];
export const BRAND_SECOND_CHARS: readonly string[] = [
  '达', '盛', '泰', '兴', '源', '丰', '华', '发', '诚', '信', '和', '昌', '富', '通', '威', '力', '德', '鑫', '瑞', '宇',
  '科', '联', '邦', '洋', '创', '汇', '聚', '隆', '晟', '锦', '辉', '泽', '润', '康', '美', '佳', '业', '远', '宏', '展',
  '星', '峰', '林', '川', '越', '嘉', '恒', '腾', '驰', '安',
];

/** Legal-form suffixes (weighted). */
export const COMPANY_SUFFIXES: Weighted<string> = [
  ['有限公司', 86],
  ['股份有限公司', 9],
  ['有限责任公司', 3],
  ['集团有限公司', 2],
];

// ---------------------------------------------------------------------------------------------------------------
// Industries (GB/T 4754-2017 classes)

export interface Sector {
  /** GB/T 4754-2017 class, with the section letter (e.g. C3071). */
  code: string;
  /** The class's name in the standard. */
  label: string;
  /** Industry words for company names (江门市X + word + 有限公司). */
  words: readonly string[];
  /** Where this industry clusters (weights); the city-wide weights apply otherwise. */
  districts?: Partial<Record<District, number>>;
}

const S = (code: string, label: string, words: readonly string[], districts?: Partial<Record<District, number>>): Sector =>
  districts ? { code, label, words, districts } : { code, label, words };

/** All industries used by the generator, keyed by code. */
export const SECTORS: Record<string, Sector> = Object.fromEntries(
  [
    // Resource recycling, waste
    S('C4210', '金属废料和碎屑加工处理', ['再生资源', '金属回收', '资源循环科技', '再生金属']),
    S('C4220', '非金属废料和碎屑加工处理', ['再生资源', '塑胶再生', '环保科技', '资源综合利用']),
    S('C2929', '塑料零件及其他塑料制品制造', ['塑胶', '塑料制品', '新材料']),
    S('C3031', '粘土砖瓦及建筑砌块制造', ['新型建材', '建材科技', '环保建材']),
    S('F5191', '再生物资回收与批发', ['再生资源回收', '物资回收', '再生资源']),
    S('N7723', '固体废物治理', ['环保科技', '固废处理', '环境服务', '资源综合利用']),
    S('N7724', '危险废物治理', ['环保科技', '危废处置', '环境技术']),
    // Environmental protection
    S('N7721', '水污染治理', ['环保科技', '水处理', '环境工程', '水务']),
    S('N7722', '大气污染治理', ['环保科技', '环境工程', '净化科技']),
    S('N7726', '土壤污染治理与修复服务', ['生态环境', '土壤修复', '环境修复']),
    S('N7729', '其他污染治理', ['环境科技', '环保科技']),
    S('C3591', '环境保护专用设备制造', ['环保设备', '环保科技', '环保机械']),
    S('C2666', '环境污染处理专用药剂材料制造', ['环保材料', '水处理剂', '化工科技']),
    S('E4862', '环保工程施工', ['环境工程', '环保工程', '建设工程']),
    S('D4620', '污水处理及其再生利用', ['水务', '水质净化', '污水处理']),
    // Energy saving
    S('C3411', '锅炉及辅助设备制造', ['锅炉', '能源设备', '热能科技']),
    S('C3462', '风机、风扇制造', ['风机', '机电', '节能设备']),
    S('C3812', '电动机制造', ['电机', '机电', '电气']),
    S('C3824', '电力电子元器件制造', ['电子', '电力电子', '电气科技']),
    S('C3874', '智能照明器具制造', ['照明', '光电科技', '智能照明'], { 蓬江区: 3, 江海区: 2, 鹤山市: 1 }),
    S('C3612', '新能源车整车制造', ['新能源汽车', '汽车', '电动车'], { 蓬江区: 2, 江海区: 2, 新会区: 1 }),
    S('C3670', '汽车零部件及配件制造', ['汽车配件', '汽车零部件', '精密制造']),
    S('C3770', '助动车制造', ['电动车', '车业', '摩托车'], { 蓬江区: 4, 江海区: 2, 鹤山市: 1 }),
    S('M7514', '节能技术推广服务', ['节能科技', '节能服务', '能源科技', '低碳科技']),
    S('E4861', '节能工程施工', ['节能工程', '机电工程', '建设工程']),
    // Energy transition
    S('D4416', '太阳能发电', ['新能源', '光伏发电', '能源发展', '绿能']),
    S('D4415', '风力发电', ['风电', '新能源', '海上风电', '能源发展'], { 台山市: 6, 恩平市: 2, 开平市: 1, 新会区: 1 }),
    S('D4417', '生物质能发电', ['生物质能源', '热电', '环保能源']),
    S('D4419', '其他电力生产', ['储能科技', '能源科技', '综合能源']),
    S('D4420', '电力供应', ['供电', '电力', '综合能源服务']),
    S('D4511', '天然气生产和供应业', ['燃气', '天然气', '能源']),
    S('C3825', '光伏设备及元器件制造', ['光伏科技', '光电', '新能源科技'], { 江海区: 3, 开平市: 2, 蓬江区: 1 }),
    S('C3841', '锂离子电池制造', ['电池', '储能科技', '新能源科技', '锂电'], { 江海区: 3, 新会区: 2, 开平市: 1 }),
    S('C3811', '发电机及发电机组制造', ['电力设备', '电机', '能源装备']),
    S('E4875', '太阳能发电工程施工', ['光伏工程', '新能源工程', '电力工程']),
    S('F5267', '机动车充电销售', ['充电科技', '新能源', '能源服务']),
    // Ecological protection
    S('N7711', '自然生态系统保护管理', ['生态环境', '生态保护', '园林生态']),
    S('A0220', '造林和更新', ['林业发展', '林业', '生态林业'], { 台山市: 3, 恩平市: 3, 开平市: 2, 鹤山市: 2, 新会区: 1 }),
    S('A0212', '林木育苗', ['苗木', '林业科技', '园林']),
    S('A0412', '内陆养殖', ['水产', '生态养殖', '渔业发展'], { 台山市: 3, 新会区: 3, 开平市: 1, 恩平市: 1 }),
    S('N7840', '绿化管理', ['园林绿化', '绿化工程', '园林']),
    S('E4863', '生态保护工程施工', ['生态建设', '生态工程', '园林工程']),
    S('E4822', '河湖治理及防洪设施工程建筑', ['水利建设', '水利工程', '河道治理']),
    // Infrastructure
    S('E4790', '其他房屋建筑业', ['建筑', '建设工程', '建筑科技']),
    S('E5011', '公共建筑装饰和装修', ['建筑装饰', '装饰工程']),
    S('E5013', '建筑幕墙装饰和装修', ['幕墙', '建筑装饰', '节能建材']),
    S('C3021', '水泥制品制造', ['建材', '预制构件', '建筑科技']),
    S('E4853', '地下综合管廊工程建筑', ['管廊', '建设投资', '市政工程']),
    S('E4852', '管道工程建筑', ['管道工程', '市政工程', '建设']),
    S('D4610', '自来水生产和供应', ['供水', '水务', '自来水']),
    S('G5411', '公共电汽车客运', ['公共交通', '公交', '交通运输']),
    S('G5532', '货运港口', ['港务', '港口', '码头'], { 新会区: 3, 台山市: 2, 江海区: 1, 开平市: 1 }),
    S('N7810', '市政设施管理', ['市政', '城市建设', '城市建设投资']),
    S('N7820', '环境卫生管理', ['环境卫生', '环卫', '城市服务']),
    S('D4430', '热力生产和供应', ['热力', '供热', '能源']),
    // Green services
    S('M7515', '新能源技术推广服务', ['新能源科技', '能源技术']),
    S('M7516', '环保技术推广服务', ['环保科技', '环境技术']),
    S('L7245', '环保咨询', ['环境咨询', '环保咨询', '低碳咨询', '碳资产管理']),
    S('M7461', '环境保护监测', ['环境监测', '检测技术', '环境科技']),
    S('M7452', '检测服务', ['检测技术', '检测认证', '质量检测']),
    S('M7455', '认证认可服务', ['认证', '检测认证']),
    // Green trade
    S('F5193', '互联网批发', ['供应链', '电子商务', '跨境电商']),
    S('F5175', '电气设备批发', ['电气', '机电设备', '进出口']),
    S('F5199', '其他未列明批发业', ['进出口', '国际贸易', '贸易']),
    S('G5821', '货物运输代理', ['国际物流', '供应链', '货运代理']),
    // Green consumption
    S('F5261', '汽车新车零售', ['新能源汽车销售服务', '汽车销售服务']),
    S('F5272', '日用家电零售', ['电器', '家电商贸']),
    S('F5211', '百货零售', ['商业', '百货', '商贸']),
    S('C3854', '家用厨房电器具制造', ['电器', '厨卫电器', '家电']),
    S('C3383', '金属制卫生器具制造', ['水暖卫浴', '卫浴', '厨卫'], { 开平市: 6, 鹤山市: 1, 新会区: 1 }),
    S('C3381', '金属制厨房用器具制造', ['不锈钢制品', '厨具', '金属制品'], { 新会区: 4, 蓬江区: 2, 江海区: 1 }),
    // High-carbon industries (DOMAIN.md prefixes)
    S('C3071', '建筑陶瓷制品制造', ['陶瓷', '建陶', '新材料'], { 恩平市: 4, 鹤山市: 3, 开平市: 2, 新会区: 1 }),
    S('C3072', '卫生陶瓷制品制造', ['陶瓷', '卫浴', '洁具'], { 开平市: 4, 鹤山市: 2, 新会区: 1 }),
    S('C3074', '日用陶瓷制品制造', ['陶瓷', '瓷业'], { 恩平市: 2, 鹤山市: 1, 新会区: 1 }),
    S('C2221', '机制纸及纸板制造', ['纸业', '造纸', '包装材料'], { 新会区: 8, 江海区: 1, 鹤山市: 1, 台山市: 1 }),
    S('C2223', '加工纸制造', ['纸业', '特种纸', '纸品'], { 新会区: 5, 蓬江区: 1, 鹤山市: 1 }),
    S('C1713', '棉印染精加工', ['印染', '纺织', '染整'], { 开平市: 3, 鹤山市: 2, 新会区: 2, 恩平市: 1 }),
    S('C1752', '化纤织物染整精加工', ['印染', '纺织', '染整'], { 开平市: 3, 新会区: 3, 鹤山市: 1 }),
    S('C1762', '针织或钩针编织物印染精加工', ['针织', '印染', '纺织'], { 开平市: 2, 鹤山市: 2, 台山市: 1 }),
    S('C3982', '电子电路制造', ['电路板', '线路板', '电子科技'], { 江海区: 4, 开平市: 2, 鹤山市: 2, 蓬江区: 2, 台山市: 1 }),
    S('C3360', '金属表面处理及热处理加工', ['电镀', '表面处理', '五金电镀'], { 新会区: 5, 鹤山市: 2, 江海区: 1, 蓬江区: 1 }),
    S('C3011', '水泥制造', ['水泥', '建材'], { 台山市: 2, 恩平市: 2, 鹤山市: 1, 新会区: 1 }),
    S('C3012', '石灰和石膏制造', ['石灰', '建材', '钙业'], { 恩平市: 1, 台山市: 1 }),
    S('C3130', '钢压延加工', ['钢铁', '钢材', '不锈钢'], { 新会区: 3, 蓬江区: 1, 鹤山市: 1, 台山市: 1 }),
    S('C3120', '炼钢', ['钢铁', '特钢'], { 新会区: 2, 台山市: 1 }),
    S('C2614', '有机化学原料制造', ['化工', '化学', '精细化工'], { 新会区: 3, 江海区: 1 }),
    S('C2641', '涂料制造', ['涂料', '化工', '新材料'], { 蓬江区: 2, 新会区: 2, 鹤山市: 2, 江海区: 1 }),
    S('C2651', '初级形态塑料及合成树脂制造', ['化工', '树脂', '新材料'], { 新会区: 3, 江海区: 1 }),
    S('C2511', '原油加工及石油制品制造', ['石化', '润滑油', '石油化工'], { 新会区: 2, 台山市: 1 }),
    S('D4411', '火力发电', ['发电', '电力', '能源'], { 台山市: 4, 新会区: 1, 鹤山市: 1 }),
    S('D4412', '热电联产', ['热电', '能源', '综合能源'], { 新会区: 3, 台山市: 2, 开平市: 1, 鹤山市: 1, 江海区: 1 }),
  ].map((s) => [s.code, s]),
);

/** Industries per green category for the green and waste-free libraries (weighted codes). */
export const CATEGORY_SECTORS: Record<GreenCategory, Weighted<string>> = {
  energy_saving_carbon_reduction: [
    ['M7514', 6], ['E4861', 3], ['C3411', 2], ['C3462', 2], ['C3812', 2], ['C3824', 2], ['C3874', 2], ['C3612', 2],
    ['C3670', 3], ['C3770', 2], ['C3071', 1], ['C2221', 1],
  ],
  environmental_protection: [
    ['N7721', 6], ['N7722', 3], ['N7723', 3], ['N7724', 2], ['N7729', 1], ['C3591', 3], ['C2666', 1], ['E4862', 3],
    ['D4620', 4], ['N7726', 1],
  ],
  resource_recycling: [
    ['C4220', 6], ['C4210', 5], ['N7723', 4], ['N7724', 2], ['F5191', 4], ['C2929', 2], ['C3031', 2], ['C2221', 2],
    ['C3071', 1],
  ],
  energy_transition: [
    ['D4416', 10], ['D4415', 3], ['D4417', 2], ['D4419', 3], ['D4420', 1], ['D4511', 2], ['C3825', 3], ['C3841', 3],
    ['C3811', 1], ['E4875', 3], ['F5267', 2],
  ],
  ecological_protection: [
    ['N7711', 3], ['A0220', 3], ['A0212', 1], ['A0412', 2], ['N7840', 2], ['E4863', 3], ['E4822', 2], ['N7726', 1],
  ],
  infrastructure_upgrade: [
    ['E4790', 4], ['E5011', 1], ['E5013', 1], ['C3021', 2], ['E4853', 1], ['E4852', 2], ['D4610', 2], ['D4620', 2],
    ['G5411', 2], ['G5532', 1], ['N7810', 3], ['N7820', 2], ['D4430', 1],
  ],
  green_services: [['M7514', 3], ['M7515', 2], ['M7516', 3], ['L7245', 3], ['M7461', 2], ['M7452', 2], ['M7455', 1]],
  green_trade: [['F5191', 2], ['F5193', 2], ['F5175', 2], ['F5199', 3], ['G5821', 2], ['C3825', 2], ['C3854', 1], ['C3670', 1]],
  green_consumption: [
    ['F5261', 3], ['F5267', 2], ['F5272', 2], ['F5211', 1], ['C3854', 2], ['C3383', 2], ['C3381', 1], ['C3770', 2],
  ],
};

/** Industries of the transition library: mostly the high-carbon prefixes of DOMAIN.md, a few others. */
export const TRANSITION_SECTORS: Weighted<string> = [
  ['C3071', 10], ['C3072', 5], ['C3074', 2],
  ['C2221', 9], ['C2223', 3],
  ['C1713', 5], ['C1752', 5], ['C1762', 3],
  ['C3982', 10],
  ['C3360', 10],
  ['C3011', 4], ['C3012', 1],
  ['C3130', 4], ['C3120', 2],
  ['C2614', 2], ['C2641', 4], ['C2651', 2],
  ['C2511', 1],
  ['D4411', 3], ['D4412', 4],
];
export const TRANSITION_OTHER_SECTORS: Weighted<string> = [['C3670', 3], ['C3381', 3], ['C2929', 2], ['C3854', 2]];

/** High-carbon / high-waste code prefixes (DOMAIN.md). */
export const HIGH_CARBON_PREFIXES: readonly string[] = [
  'D44', 'C25', 'C26', 'C31', 'C301', 'C307', 'C22', 'C171', 'C172', 'C173', 'C174', 'C175', 'C176', 'C3982', 'C3360',
];

// ---------------------------------------------------------------------------------------------------------------
// Library and category mix

export const LIBRARY_WEIGHTS: Weighted<LibraryKey> = [
  ['green', 56],
  ['waste_free', 24],
  ['transition', 20],
];

/** Category mix per library (green and waste_free; transition uses TRANSITION_CATEGORY_WEIGHTS). */
export const LIBRARY_CATEGORY_WEIGHTS: Record<Exclude<LibraryKey, 'transition'>, Weighted<GreenCategory>> = {
  green: [
    ['energy_saving_carbon_reduction', 16],
    ['environmental_protection', 11],
    ['resource_recycling', 9],
    ['energy_transition', 20],
    ['ecological_protection', 8],
    ['infrastructure_upgrade', 14],
    ['green_services', 8],
    ['green_trade', 6],
    ['green_consumption', 8],
  ],
  waste_free: [
    ['resource_recycling', 50],
    ['environmental_protection', 36],
    ['infrastructure_upgrade', 6],
    ['green_services', 4],
    ['green_consumption', 2],
    ['ecological_protection', 2],
  ],
};
export const TRANSITION_CATEGORY_WEIGHTS: Weighted<GreenCategory> = [
  ['energy_saving_carbon_reduction', 48],
  ['energy_transition', 18],
  ['environmental_protection', 18],
  ['resource_recycling', 16],
];

/** Investment range (yuan) per category; amounts are skewed towards the low end. */
export const CATEGORY_INVESTMENT: Record<GreenCategory, readonly [number, number]> = {
  energy_saving_carbon_reduction: [2_000_000, 800_000_000],
  environmental_protection: [2_000_000, 800_000_000],
  resource_recycling: [3_000_000, 1_000_000_000],
  energy_transition: [3_000_000, 2_000_000_000],
  ecological_protection: [2_000_000, 600_000_000],
  infrastructure_upgrade: [5_000_000, 1_500_000_000],
  green_services: [2_000_000, 150_000_000],
  green_trade: [2_000_000, 400_000_000],
  green_consumption: [2_000_000, 300_000_000],
};

// ---------------------------------------------------------------------------------------------------------------
// Departments

export const CITY_DEPARTMENTS = [
  '市发展和改革局',
  '市工业和信息化局',
  '市生态环境局',
  '市住房和城乡建设局',
  '市农业农村局',
  '市金融工作局',
  '市自然资源局',
  '市水利局',
  '市交通运输局',
  '市商务局',
  '市科学技术局',
  '市城市管理和综合执法局',
  '市市场监督管理局',
  '市林业局',
] as const;
export type CityDepartment = (typeof CITY_DEPARTMENTS)[number];

export const CATEGORY_DEPARTMENTS: Record<GreenCategory, Weighted<CityDepartment>> = {
  energy_saving_carbon_reduction: [['市发展和改革局', 5], ['市工业和信息化局', 6], ['市金融工作局', 1]],
  environmental_protection: [['市生态环境局', 8], ['市住房和城乡建设局', 1], ['市工业和信息化局', 1]],
  resource_recycling: [['市工业和信息化局', 4], ['市生态环境局', 4], ['市发展和改革局', 2], ['市商务局', 1]],
  energy_transition: [['市发展和改革局', 8], ['市工业和信息化局', 2], ['市金融工作局', 1]],
  ecological_protection: [['市自然资源局', 4], ['市林业局', 2], ['市水利局', 2], ['市农业农村局', 2], ['市生态环境局', 2]],
  infrastructure_upgrade: [['市住房和城乡建设局', 6], ['市交通运输局', 2], ['市水利局', 2], ['市城市管理和综合执法局', 2], ['市发展和改革局', 1]],
  green_services: [['市金融工作局', 3], ['市科学技术局', 3], ['市市场监督管理局', 2], ['市生态环境局', 2]],
  green_trade: [['市商务局', 8], ['市发展和改革局', 1]],
  green_consumption: [['市商务局', 6], ['市市场监督管理局', 2], ['市发展和改革局', 1]],
};
export const WASTE_FREE_DEPARTMENTS: Weighted<CityDepartment> = [
  ['市生态环境局', 10], ['市城市管理和综合执法局', 2], ['市工业和信息化局', 2], ['市住房和城乡建设局', 1], ['市农业农村局', 1],
];
export const TRANSITION_DEPARTMENTS: Weighted<CityDepartment> = [
  ['市工业和信息化局', 10], ['市发展和改革局', 8], ['市生态环境局', 2], ['市金融工作局', 1],
];
/** Departments that also exist at district level (江门市新会区发展和改革局, 台山市工业和信息化局). */
export const DISTRICT_LEVEL_DEPARTMENTS: readonly CityDepartment[] = ['市发展和改革局', '市工业和信息化局'];

// ---------------------------------------------------------------------------------------------------------------
// Project-name templates

/**
 * A quantity derived from the investment and shown in a name ({pvMW} etc.). `unitCost` is yuan per unit, a range;
 * the quantity is investment ÷ unit cost.
 */
export const QUANTITIES = {
  /** Photovoltaic capacity, MW. */
  pvMW: { unitCost: [3_000_000, 4_200_000] },
  /** Wind capacity, MW. */
  windMW: { unitCost: [6_500_000, 11_000_000] },
  /** Storage capacity, MWh. */
  storMWh: { unitCost: [1_200_000, 2_000_000] },
  /** Annual capacity of a recycling plant, t. */
  capT: { unitCost: [500, 2_500] },
  /** Annual capacity of a hazardous-waste plant, t. */
  hazT: { unitCost: [1_500, 5_000] },
  /** Daily capacity of a solid-waste plant, t/d. */
  tpd: { unitCost: [250_000, 600_000] },
  /** Daily capacity of a wastewater plant, t/d. */
  wwTpd: { unitCost: [3_000, 9_000] },
  /** Floor area, m². */
  areaM2: { unitCost: [800, 3_000] },
  /** Length of pipes, greenways etc., km. */
  km: { unitCost: [3_000_000, 12_000_000] },
  /** Land area, 亩. */
  mu: { unitCost: [15_000, 60_000] },
  /** Charging piles. */
  piles: { unitCost: [60_000, 200_000] },
  /** Electric buses. */
  buses: { unitCost: [1_500_000, 2_500_000] },
  /** Steam boiler capacity, t/h. */
  steamTph: { unitCost: [400_000, 1_000_000] },
  /** Annual output of appliances, 万台. */
  wanUnits: { unitCost: [200_000, 1_500_000] },
} as const satisfies Record<string, { unitCost: readonly [number, number] }>;
export type QuantityKey = keyof typeof QUANTITIES;

/**
 * How the expected annual benefits are estimated:
 * pv/wind/storage from capacity; energy_saving from investment; building from floor area; transport from investment;
 * recycling from annual capacity (with `co2PerT`); hazardous from hazardous capacity; solid_waste from daily
 * capacity; ecology from land area (carbon sink); none → zeros.
 */
export type BenefitKind =
  | 'pv'
  | 'wind'
  | 'storage'
  | 'energy_saving'
  | 'building'
  | 'transport'
  | 'recycling'
  | 'hazardous'
  | 'solid_waste'
  | 'ecology'
  | 'none';

export interface ProjectTemplate {
  category: GreenCategory;
  /** Name with tokens: {town}, {park}, {district}, and at most one quantity token ({pvMW}, {capT}, …). */
  name: string;
  benefit: BenefitKind;
  /** tCO2 avoided per tonne processed (recycling, hazardous, solid_waste). */
  co2PerT?: readonly [number, number];
  /** Investment range (yuan) overriding the category's. */
  invest?: readonly [number, number];
  /**
   * Industries (code prefixes) of the companies that carry this kind of project. A template with `sectors` is only
   * used by companies whose code starts with one of them; without, any company of the category may carry it.
   */
  sectors?: readonly string[];
  /** Only in these libraries. */
  libraries?: readonly LibraryKey[];
  /** Only in these districts. */
  districts?: readonly District[];
}

const T = (
  category: GreenCategory,
  name: string,
  benefit: BenefitKind,
  extra: Omit<ProjectTemplate, 'category' | 'name' | 'benefit'> = {},
): ProjectTemplate => ({ category, name, benefit, ...extra });

const ESCR = 'energy_saving_carbon_reduction';
const EP = 'environmental_protection';
const RR = 'resource_recycling';
const ET = 'energy_transition';
const ECO = 'ecological_protection';
const IU = 'infrastructure_upgrade';
const GS = 'green_services';
const GT = 'green_trade';
const GC = 'green_consumption';

/** Projects of the city's green and waste-free libraries. */
export const GENERAL_TEMPLATES: readonly ProjectTemplate[] = [
  // 节能降碳产业
  T(ESCR, '{park}集中供热及余热梯级利用项目', 'energy_saving', { sectors: ['D4430', 'D4412', 'M7514', 'E4861'] }),
  T(ESCR, '高效节能电机及变频调速系统改造项目', 'energy_saving', { invest: [2_000_000, 80_000_000] }),
  T(ESCR, '空压站节能改造及余热回收项目', 'energy_saving', { invest: [2_000_000, 50_000_000] }),
  T(ESCR, '工业园区能源管理中心建设项目', 'energy_saving', { sectors: ['M7514', 'E4861'] }),
  T(ESCR, '燃气锅炉低氮燃烧及节能改造项目（{steamTph}）', 'energy_saving', { invest: [2_000_000, 120_000_000] }),
  T(ESCR, '中央空调系统能效提升改造项目', 'energy_saving', { invest: [2_000_000, 60_000_000] }),
  T(ESCR, '热泵替代燃气锅炉节能改造项目', 'energy_saving', { invest: [2_000_000, 80_000_000] }),
  T(ESCR, '合同能源管理节能改造项目', 'energy_saving', { invest: [2_000_000, 100_000_000], sectors: ['M7514', 'E4861'] }),
  T(ESCR, '数字化车间节能降碳技术改造项目', 'energy_saving', { sectors: ['C'] }),
  T(ESCR, '新能源汽车整车及关键零部件绿色工厂建设项目', 'energy_saving', { sectors: ['C36'] }),
  T(ESCR, '汽车零部件轻量化生产线节能技术改造项目', 'energy_saving', { sectors: ['C3670'] }),
  T(ESCR, '年产{wanUnits}电动摩托车及电动自行车绿色生产基地项目', 'energy_saving', { sectors: ['C3770'] }),
  T(ESCR, '高效节能电机生产线扩产项目', 'energy_saving', { sectors: ['C381'] }),
  T(ESCR, '年产{wanUnits}高效节能风机生产线技术改造项目', 'energy_saving', { sectors: ['C3462'] }),
  T(ESCR, '智能LED照明产品生产线节能改造项目', 'energy_saving', { sectors: ['C3874'] }),
  T(ESCR, '高效低氮燃气锅炉生产线建设项目', 'energy_saving', { sectors: ['C3411'] }),
  T(ESCR, '功率半导体器件及节能电源模块生产线项目', 'energy_saving', { sectors: ['C3824'] }),
  // 环境保护产业
  T(EP, '印染废水深度处理及中水回用项目', 'none', { sectors: ['N7721', 'E4862', 'D4620'] }),
  T(EP, '{town}污水处理厂提标改造工程（{wwTpd}/日）', 'none', { sectors: ['D4620', 'N7721', 'E4862'] }),
  T(EP, '{park}工业废水集中处理厂建设项目（{wwTpd}/日）', 'none', { invest: [5_000_000, 400_000_000], sectors: ['N7721', 'D4620', 'E4862'] }),
  T(EP, '{park}工业废水集中处理及配套管网完善工程', 'none', { sectors: ['N7721', 'D4620', 'E4862', 'E4852'] }),
  T(EP, '{town}农村生活污水治理项目', 'none', { invest: [2_000_000, 120_000_000], sectors: ['N7721', 'E4862', 'D4620'] }),
  T(EP, '{town}河涌黑臭水体综合整治工程', 'none', { sectors: ['N7721', 'N7729', 'E4862', 'E4822'] }),
  T(EP, 'VOCs废气收集与治理设施升级改造项目', 'none', { invest: [2_000_000, 60_000_000], sectors: ['N7722', 'N7729', 'C3591', 'C2641'] }),
  T(EP, '锅炉烟气除尘脱硫脱硝超低排放改造项目', 'none', { sectors: ['N7722', 'E4862', 'D4430'] }),
  T(EP, '危险废物集中收集贮存转运中心建设项目（年收集{hazT}）', 'hazardous', { co2PerT: [0, 0.05], sectors: ['N7724'] }),
  T(EP, '医疗废物集中处置中心扩建项目（年处置{hazT}）', 'hazardous', { co2PerT: [0, 0.05], invest: [5_000_000, 200_000_000], sectors: ['N7724'] }),
  T(EP, '生活垃圾焚烧飞灰安全处置项目（年处置{hazT}）', 'hazardous', { co2PerT: [0, 0.05], sectors: ['N7724', 'N7723'] }),
  T(EP, '市政污泥干化及协同处置项目（日处理{tpd}）', 'solid_waste', { co2PerT: [0.05, 0.2], sectors: ['N7723', 'D4620'] }),
  T(EP, '土壤污染风险管控与修复工程', 'none', { sectors: ['N7726', 'E4862'] }),
  T(EP, '一般工业固废贮存处置场规范化建设项目', 'solid_waste', { co2PerT: [0, 0.02], libraries: ['waste_free'], sectors: ['N7723'] }),
  T(EP, '小微企业危险废物收集试点项目（年收集{hazT}）', 'hazardous', { co2PerT: [0, 0.02], libraries: ['waste_free'], sectors: ['N7724'] }),
  T(EP, '水处理剂及环保药剂绿色生产线项目', 'none', { sectors: ['C2666'] }),
  T(EP, '一体化污水处理设备及除尘装备生产基地项目', 'none', { sectors: ['C3591'] }),
  // 资源循环利用产业
  T(RR, '年产{capT}废旧塑料再生利用项目', 'recycling', { co2PerT: [1.0, 1.8], invest: [3_000_000, 400_000_000], sectors: ['C4220', 'C2929', 'F5191'] }),
  T(RR, '废旧动力锂电池回收利用项目（年处理{hazT}）', 'hazardous', { co2PerT: [2.0, 5.0], invest: [10_000_000, 800_000_000], sectors: ['N7724', 'C4210'] }),
  T(RR, '工业固废综合利用示范项目（年利用{capT}）', 'recycling', { co2PerT: [0.05, 0.2], sectors: ['N7723', 'C4220', 'C3031'] }),
  T(RR, '年处理{capT}建筑垃圾资源化利用项目', 'recycling', { co2PerT: [0.01, 0.05], invest: [5_000_000, 300_000_000], sectors: ['C3031', 'N7723', 'C4220'] }),
  T(RR, '废钢铁加工配送中心建设项目（年加工{capT}）', 'recycling', { co2PerT: [1.2, 1.6], invest: [5_000_000, 500_000_000], sectors: ['C4210', 'F5191'] }),
  T(RR, '废铜废铝再生利用项目（年产{capT}）', 'recycling', { co2PerT: [2.0, 8.0], invest: [5_000_000, 600_000_000], sectors: ['C4210'] }),
  T(RR, '年回收利用{capT}废纸再生造纸项目', 'recycling', { co2PerT: [0.6, 1.0], sectors: ['C2221'] }),
  T(RR, '餐厨垃圾资源化处理项目（日处理{tpd}）', 'solid_waste', { co2PerT: [0.2, 0.5], sectors: ['N7723'] }),
  T(RR, '废旧纺织品回收综合利用项目（年处理{capT}）', 'recycling', { co2PerT: [1.5, 3.0], invest: [3_000_000, 200_000_000], sectors: ['C4220', 'F5191'] }),
  T(RR, '{district}再生资源回收分拣中心建设项目', 'recycling', { co2PerT: [0.3, 1.0], invest: [3_000_000, 200_000_000], sectors: ['F5191', 'C4210', 'C4220'] }),
  T(RR, '农业废弃物（秸秆、畜禽粪污）资源化利用项目', 'recycling', { co2PerT: [0.1, 0.4], invest: [3_000_000, 200_000_000], sectors: ['N7723', 'C4220'] }),
  T(RR, '报废机动车回收拆解项目（年拆解{capT}）', 'recycling', { co2PerT: [1.0, 2.0], invest: [5_000_000, 300_000_000], sectors: ['C4210', 'F5191'] }),
  T(RR, '废弃电器电子产品拆解处理项目', 'recycling', { co2PerT: [0.8, 1.6], invest: [5_000_000, 300_000_000], sectors: ['C4210', 'N7724'] }),
  T(RR, '电镀污泥资源化回收铜镍项目（年处理{hazT}）', 'hazardous', { co2PerT: [0.5, 1.5], sectors: ['N7724', 'C4210'] }),
  T(RR, '废线路板资源化回收项目（年处理{hazT}）', 'hazardous', { co2PerT: [0.8, 2.0], sectors: ['N7724', 'C4210'] }),
  T(RR, '废矿物油再生利用项目（年处理{hazT}）', 'hazardous', { co2PerT: [0.5, 1.0], sectors: ['N7724'] }),
  T(RR, '陶瓷废料循环利用项目（年利用{capT}）', 'recycling', { co2PerT: [0.05, 0.2], sectors: ['C307', 'C3031'] }),
  T(RR, '粉煤灰炉渣综合利用新型墙材项目（年利用{capT}）', 'recycling', { co2PerT: [0.1, 0.3], sectors: ['C3031', 'N7723'] }),
  T(RR, '“无废园区”固废分类收集及综合利用项目', 'recycling', { co2PerT: [0.1, 0.5], libraries: ['waste_free'], sectors: ['N7723', 'F5191'] }),
  T(RR, '“无废工厂”源头减量及循环利用改造项目', 'recycling', { co2PerT: [0.1, 0.8], invest: [2_000_000, 150_000_000], libraries: ['waste_free'], sectors: ['C'] }),
  T(RR, '快递包装绿色化及循环利用项目', 'recycling', { co2PerT: [0.5, 1.2], invest: [2_000_000, 100_000_000], sectors: ['C2929', 'C4220', 'F5191'] }),
  // 能源绿色低碳转型
  T(ET, '屋顶分布式光伏发电项目（{pvMW}）', 'pv', { invest: [3_000_000, 300_000_000], sectors: ['D4416', 'E4875', 'D4420', 'C'] }),
  T(ET, '{town}渔光互补光伏发电项目（{pvMW}）', 'pv', { invest: [50_000_000, 1_200_000_000], districts: ['台山市', '新会区', '恩平市', '开平市'], sectors: ['D4416'] }),
  T(ET, '{town}农光互补光伏电站项目（{pvMW}）', 'pv', { invest: [30_000_000, 800_000_000], sectors: ['D4416'] }),
  T(ET, '台山海上风电场项目（{windMW}）', 'wind', { invest: [600_000_000, 2_000_000_000], districts: ['台山市'], sectors: ['D4415'] }),
  T(ET, '{town}风电场项目（{windMW}）', 'wind', { invest: [100_000_000, 900_000_000], districts: ['台山市', '恩平市', '开平市', '鹤山市'], sectors: ['D4415'] }),
  T(ET, '用户侧储能电站项目（{storMWh}）', 'storage', { invest: [3_000_000, 150_000_000], sectors: ['D4419', 'C3841', 'E4875'] }),
  T(ET, '{district}电网侧独立储能电站项目（{storMWh}）', 'storage', { invest: [80_000_000, 800_000_000], sectors: ['D4419', 'D4420'] }),
  T(ET, '生物质热电联产项目', 'energy_saving', { invest: [50_000_000, 800_000_000], sectors: ['D4417'] }),
  T(ET, '天然气分布式能源站项目', 'energy_saving', { invest: [30_000_000, 600_000_000], sectors: ['D4511', 'D4420'] }),
  T(ET, '{park}智能微电网及综合能源服务项目', 'energy_saving', { sectors: ['D4420', 'D4419', 'M7515'] }),
  T(ET, '公共充电站建设项目（{piles}）', 'transport', { invest: [2_000_000, 100_000_000], sectors: ['F5267', 'D4420'] }),
  T(ET, '光储充一体化示范站项目', 'transport', { invest: [3_000_000, 60_000_000], sectors: ['F5267', 'D4419'] }),
  T(ET, '高效光伏组件及电池片生产线项目', 'none', { sectors: ['C3825'] }),
  T(ET, '储能用锂离子电池生产线项目', 'none', { sectors: ['C3841'] }),
  T(ET, '风电及光伏配套发电机组生产线项目', 'none', { sectors: ['C3811'] }),
  // 生态保护修复和利用
  T(ECO, '{town}水土流失综合治理工程（{mu}）', 'ecology', { sectors: ['E4863', 'N7711', 'E4822'], libraries: ['green'] }),
  T(ECO, '潭江流域生态修复工程', 'ecology', { districts: ['恩平市', '开平市', '台山市', '新会区'], sectors: ['E4822', 'E4863', 'N7711'], libraries: ['green'] }),
  T(ECO, '红树林保护修复项目（{mu}）', 'ecology', { invest: [3_000_000, 150_000_000], districts: ['台山市', '新会区'], sectors: ['N7711', 'E4863', 'A0220'], libraries: ['green'] }),
  T(ECO, '废弃矿山生态修复工程（{mu}）', 'ecology', { sectors: ['E4863', 'N7711', 'N7726'] }),
  T(ECO, '森林质量精准提升工程（{mu}）', 'ecology', { invest: [2_000_000, 120_000_000], sectors: ['A0220', 'A0212', 'N7711'], libraries: ['green'] }),
  T(ECO, '生态公益林建设与碳汇林营造项目（{mu}）', 'ecology', { invest: [2_000_000, 120_000_000], sectors: ['A0220', 'A0212'], libraries: ['green'] }),
  T(ECO, '生态养殖池塘标准化改造及尾水治理项目（{mu}）', 'ecology', { invest: [2_000_000, 150_000_000], sectors: ['A0412'], libraries: ['green'] }),
  T(ECO, '圭峰山森林生态保护提升项目', 'ecology', { districts: ['新会区'], sectors: ['N7711', 'A0220', 'N7840'], libraries: ['green'] }),
  T(ECO, '{town}碧道建设工程（{km}）', 'ecology', { sectors: ['E4822', 'E4863', 'N7840'], libraries: ['green'] }),
  T(ECO, '{town}河湖生态缓冲带建设工程', 'ecology', { sectors: ['E4822', 'E4863', 'N7840'], libraries: ['green'] }),
  // 基础设施绿色升级
  T(IU, '绿色建筑改造工程（{areaM2}）', 'building', { sectors: ['E4790', 'E5011', 'E5013'], libraries: ['green'] }),
  T(IU, '{town}既有公共建筑节能改造项目', 'building', { invest: [2_000_000, 200_000_000], sectors: ['E4790', 'E5011', 'E5013'], libraries: ['green'] }),
  T(IU, '超低能耗建筑示范项目（{areaM2}）', 'building', { sectors: ['E4790', 'C3021'], libraries: ['green'] }),
  T(IU, '装配式建筑构件生产基地项目', 'none', { sectors: ['C3021'] }),
  T(IU, '{town}城镇污水管网完善工程（{km}）', 'none', { sectors: ['E4852', 'N7810', 'D4620'] }),
  T(IU, '城市公交电动化更新项目（{buses}）', 'transport', { invest: [5_000_000, 400_000_000], sectors: ['G5411'], libraries: ['green'] }),
  T(IU, '{district}地下综合管廊建设工程（{km}）', 'none', { invest: [100_000_000, 1_500_000_000], sectors: ['E4853', 'N7810'], libraries: ['green'] }),
  T(IU, '{town}海绵城市建设项目', 'none', { sectors: ['N7810', 'E4790', 'E4852'], libraries: ['green'] }),
  T(IU, '{town}生活垃圾分类收运及转运站建设项目（日转运{tpd}）', 'solid_waste', { co2PerT: [0, 0.05], sectors: ['N7820'] }),
  T(IU, '供水管网漏损治理工程（{km}）', 'none', { sectors: ['D4610', 'E4852'], libraries: ['green'] }),
  T(IU, '{district}城乡供水一体化工程', 'none', { sectors: ['D4610'], libraries: ['green'] }),
  T(IU, '港口岸电及绿色港口改造项目', 'transport', { districts: ['新会区', '台山市', '江海区', '开平市'], sectors: ['G5532'], libraries: ['green'] }),
  T(IU, '智慧路灯节能改造工程', 'energy_saving', { invest: [2_000_000, 80_000_000], sectors: ['N7810', 'E4861'], libraries: ['green'] }),
  T(IU, '{park}集中供热管网建设工程（{km}）', 'energy_saving', { sectors: ['D4430', 'E4852'], libraries: ['green'] }),
  // 绿色服务
  T(GS, '碳排放监测与核算服务平台建设项目', 'none', { invest: [2_000_000, 30_000_000], sectors: ['L7245', 'M7461', 'M7514'], libraries: ['green'] }),
  T(GS, '环境污染第三方治理服务项目', 'none', { sectors: ['M7516', 'L7245'] }),
  T(GS, '合同能源管理综合服务项目', 'energy_saving', { sectors: ['M7514', 'M7515'], libraries: ['green'] }),
  T(GS, '绿色低碳技术研发与检测认证中心建设项目', 'none', { sectors: ['M7452', 'M7455', 'M7516'], libraries: ['green'] }),
  T(GS, '企业碳账户与碳足迹核算服务项目', 'none', { invest: [2_000_000, 20_000_000], sectors: ['L7245', 'M7455'], libraries: ['green'] }),
  T(GS, '环境监测站点建设及运维服务项目', 'none', { invest: [2_000_000, 50_000_000], sectors: ['M7461'] }),
  T(GS, '工业节能诊断服务项目', 'none', { invest: [2_000_000, 15_000_000], sectors: ['M7514'], libraries: ['green'] }),
  T(GS, '“无废城市”信息化管理平台建设项目', 'none', { invest: [2_000_000, 30_000_000], libraries: ['waste_free'], sectors: ['M7516', 'L7245'] }),
  T(GS, '环保管家及环境咨询服务项目', 'none', { invest: [2_000_000, 20_000_000], sectors: ['L7245', 'M7516'] }),
  // 绿色贸易
  T(GT, '光伏组件出口贸易项目', 'none', { sectors: ['C3825', 'F5175', 'F5199'] }),
  T(GT, '新能源汽车零部件出口基地建设项目', 'none', { sectors: ['C3670', 'F5199'] }),
  T(GT, '再生资源进出口集散中心项目', 'recycling', { co2PerT: [0.2, 0.8], sectors: ['F5191'] }),
  T(GT, '绿色低碳产品跨境电商服务平台项目', 'none', { invest: [2_000_000, 60_000_000], sectors: ['F5193'] }),
  T(GT, '节能家电产品出口升级项目', 'none', { sectors: ['C3854', 'F5175', 'F5199'] }),
  T(GT, '出口产品碳足迹认证及生产线低碳改造项目', 'energy_saving', { sectors: ['C3825', 'C3854', 'C3670'] }),
  T(GT, '跨境绿色物流冷链中心项目', 'none', { sectors: ['G5821'] }),
  // 绿色消费
  T(GC, '新能源汽车推广应用项目', 'transport', { sectors: ['F5261'], libraries: ['green'] }),
  T(GC, '绿色家电以旧换新回收网点建设项目', 'recycling', { co2PerT: [0.5, 1.2], invest: [2_000_000, 80_000_000], sectors: ['F5272'] }),
  T(GC, '绿色建材下乡推广项目', 'none', { sectors: ['C3383', 'F5272'], libraries: ['green'] }),
  T(GC, '电动自行车智能换电网络项目', 'transport', { invest: [2_000_000, 60_000_000], sectors: ['C3770', 'F5267'], libraries: ['green'] }),
  T(GC, '绿色商场创建改造项目（{areaM2}）', 'building', { sectors: ['F5211'], libraries: ['green'] }),
  T(GC, '节水型卫浴器具生产线升级项目', 'none', { sectors: ['C3383', 'C3072'], libraries: ['green'] }),
  T(GC, '高效节能厨房电器生产线项目（年产{wanUnits}）', 'none', { sectors: ['C3854'], libraries: ['green'] }),
  T(GC, '不锈钢厨具绿色产品认证及生产线改造项目', 'none', { sectors: ['C3381'], libraries: ['green'] }),
  T(GC, '塑料污染治理及可循环包装推广项目', 'recycling', { co2PerT: [0.5, 1.5], invest: [2_000_000, 60_000_000], sectors: ['C2929', 'F5211'] }),
  T(GC, '二手商品交易及旧货循环利用平台项目', 'recycling', { co2PerT: [0.3, 1.0], invest: [2_000_000, 50_000_000], sectors: ['F5272', 'F5191'] }),
  T(GC, '新能源汽车销售服务及充电配套项目', 'transport', { sectors: ['F5261'], libraries: ['green'] }),
];

/** Projects of the high-carbon industries (the transition library; occasionally also listed as green). */
export const TRANSITION_TEMPLATES: readonly ProjectTemplate[] = [
  // 陶瓷
  T(ESCR, '陶瓷辊道窑余热回收利用及节能改造项目', 'energy_saving', { sectors: ['C307'] }),
  T(ESCR, '陶瓷生产线智能化绿色化改造项目', 'energy_saving', { sectors: ['C307'] }),
  T(ET, '陶瓷窑炉“煤改气”清洁能源替代项目', 'energy_saving', { sectors: ['C307'] }),
  T(ET, '陶瓷厂房屋顶分布式光伏项目（{pvMW}）', 'pv', { sectors: ['C307'], invest: [3_000_000, 150_000_000] }),
  T(EP, '陶瓷窑炉烟气超低排放治理项目', 'none', { sectors: ['C307'] }),
  T(RR, '陶瓷废渣及抛光废料循环利用项目（年利用{capT}）', 'recycling', { sectors: ['C307'], co2PerT: [0.05, 0.2] }),
  // 造纸
  T(ESCR, '造纸生产线碱回收及节能改造项目', 'energy_saving', { sectors: ['C22'] }),
  T(ESCR, '纸机干燥部热泵节能改造项目', 'energy_saving', { sectors: ['C22'] }),
  T(ET, '造纸园区集中供热“煤改气”项目', 'energy_saving', { sectors: ['C22'] }),
  T(EP, '造纸废水深度处理及回用项目（{wwTpd}/日）', 'none', { sectors: ['C22'] }),
  T(RR, '造纸污泥及废渣资源化利用项目（年利用{capT}）', 'recycling', { sectors: ['C22'], co2PerT: [0.1, 0.3] }),
  // 印染
  T(ESCR, '印染定型机废气治理及余热回收项目', 'energy_saving', { sectors: ['C17'] }),
  T(ESCR, '印染小浴比染色设备节能改造项目', 'energy_saving', { sectors: ['C17'] }),
  T(ET, '印染企业蒸汽锅炉电能替代项目', 'energy_saving', { sectors: ['C17'] }),
  T(EP, '印染废水分质处理及中水回用改造项目', 'none', { sectors: ['C17'] }),
  T(RR, '印染污泥资源化处置项目（年处理{capT}）', 'recycling', { sectors: ['C17'], co2PerT: [0.05, 0.2] }),
  // 线路板
  T(RR, '线路板含铜蚀刻废液在线循环再生项目（年处理{hazT}）', 'hazardous', { sectors: ['C3982'], co2PerT: [0.3, 1.0] }),
  T(EP, '线路板废水分类收集及处理提标改造项目', 'none', { sectors: ['C3982'] }),
  T(ESCR, '线路板生产线节能降耗技术改造项目', 'energy_saving', { sectors: ['C3982'] }),
  T(ET, '线路板厂房屋顶光伏项目（{pvMW}）', 'pv', { sectors: ['C3982'], invest: [3_000_000, 120_000_000] }),
  // 电镀
  T(EP, '电镀园区集中治污设施升级改造项目', 'none', { sectors: ['C3360'] }),
  T(EP, '电镀废水零排放及资源回收项目', 'none', { sectors: ['C3360'] }),
  T(RR, '电镀污泥减量化及重金属回收项目（年处理{hazT}）', 'hazardous', { sectors: ['C3360'], co2PerT: [0.3, 1.0] }),
  T(ESCR, '电镀生产线自动化清洁生产改造项目', 'energy_saving', { sectors: ['C3360'] }),
  T(ET, '电镀园区分布式光伏及储能项目（{pvMW}）', 'pv', { sectors: ['C3360'], invest: [3_000_000, 150_000_000] }),
  // 水泥、石灰
  T(RR, '水泥窑协同处置固体废物项目（日处置{tpd}）', 'solid_waste', { sectors: ['C301'], co2PerT: [0.1, 0.4], invest: [20_000_000, 600_000_000] }),
  T(ESCR, '水泥熟料生产线能效提升改造项目', 'energy_saving', { sectors: ['C3011'], invest: [10_000_000, 800_000_000] }),
  T(ESCR, '水泥窑纯低温余热发电项目', 'energy_saving', { sectors: ['C3011'], invest: [20_000_000, 300_000_000] }),
  T(EP, '水泥窑烟气超低排放改造项目', 'none', { sectors: ['C3011'], invest: [10_000_000, 300_000_000] }),
  T(ET, '石灰窑燃料替代及节能改造项目', 'energy_saving', { sectors: ['C3012'] }),
  T(EP, '石灰窑烟气超低排放改造项目', 'none', { sectors: ['C3012'] }),
  // 钢铁
  T(ESCR, '轧钢加热炉蓄热式燃烧节能改造项目', 'energy_saving', { sectors: ['C31'] }),
  T(ESCR, '电炉短流程炼钢节能改造项目', 'energy_saving', { sectors: ['C3120'] }),
  T(RR, '钢渣综合利用项目（年利用{capT}）', 'recycling', { sectors: ['C31'], co2PerT: [0.1, 0.3] }),
  T(EP, '钢铁企业超低排放改造项目', 'none', { sectors: ['C31'], invest: [10_000_000, 500_000_000] }),
  T(ET, '钢厂厂房分布式光伏项目（{pvMW}）', 'pv', { sectors: ['C31'], invest: [3_000_000, 150_000_000] }),
  // 化工、石化
  T(ESCR, '化工装置余热余压回收利用项目', 'energy_saving', { sectors: ['C26', 'C25'] }),
  T(EP, '涂料生产线VOCs源头替代及末端治理项目', 'none', { sectors: ['C2641'] }),
  T(EP, '化工企业VOCs泄漏检测与修复及废气治理项目', 'none', { sectors: ['C2614', 'C2651'] }),
  T(RR, '化工园区循环化改造项目', 'recycling', { sectors: ['C26'], co2PerT: [0.1, 0.5] }),
  T(RR, '化工生产废盐资源化利用项目（年处理{hazT}）', 'hazardous', { sectors: ['C26'], co2PerT: [0.1, 0.4] }),
  T(ET, '化工企业蒸汽系统电气化改造项目', 'energy_saving', { sectors: ['C26', 'C25'] }),
  T(ESCR, '润滑油调和生产线节能降碳改造项目', 'energy_saving', { sectors: ['C25'] }),
  T(EP, '油品储运VOCs回收治理项目', 'none', { sectors: ['C25'] }),
  // 电力热力
  T(ESCR, '燃煤机组节能降碳及灵活性改造项目', 'energy_saving', { sectors: ['D4411', 'D4412'], invest: [50_000_000, 1_200_000_000] }),
  T(ESCR, '热电联产机组供热管网扩建项目（{km}）', 'energy_saving', { sectors: ['D4412'] }),
  T(ET, '燃煤电厂生物质耦合发电改造项目', 'energy_saving', { sectors: ['D4411', 'D4412'], invest: [50_000_000, 900_000_000] }),
  T(ESCR, '燃煤机组碳捕集利用示范项目', 'energy_saving', { sectors: ['D4411'], invest: [100_000_000, 1_500_000_000] }),
  T(RR, '电厂粉煤灰及脱硫石膏综合利用项目（年利用{capT}）', 'recycling', { sectors: ['D4411', 'D4412'], co2PerT: [0.1, 0.3] }),
  T(EP, '燃煤机组烟气深度治理改造项目', 'none', { sectors: ['D4411', 'D4412'], invest: [20_000_000, 600_000_000] }),
  // Others in the transition library
  T(ESCR, '不锈钢制品生产线电能替代及节能改造项目', 'energy_saving', { sectors: ['C3381'] }),
  T(ESCR, '注塑生产线伺服节能改造项目', 'energy_saving', { sectors: ['C2929'] }),
  T(ESCR, '家电生产线绿色工厂改造项目', 'energy_saving', { sectors: ['C3854'] }),
  T(ESCR, '汽车零部件压铸生产线节能改造项目', 'energy_saving', { sectors: ['C3670'] }),
];

export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [...GENERAL_TEMPLATES, ...TRANSITION_TEMPLATES];
