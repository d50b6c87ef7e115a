import { describe, it, expect } from 'vitest';
import { GBT4754 } from '../../shared/domain/gbt4754-data.js';
import {
  industryCodeProblem,
  industryLabel,
  industryLevel,
  industryName,
  isValidIndustryCode,
  searchIndustries,
} from '../../shared/domain/industry.js';

const NAMES = new Map(GBT4754);
const codes = GBT4754.map(([code]) => code);

/** GB/T 4754-2017 section boundaries, stated independently of the data file. */
const SECTION_RANGES: ReadonlyArray<readonly [section: string, first: number, last: number, name: string]> = [
  ['A', 1, 5, '农、林、牧、渔业'],
  ['B', 6, 12, '采矿业'],
  ['C', 13, 43, '制造业'],
  ['D', 44, 46, '电力、热力、燃气及水生产和供应业'],
  ['E', 47, 50, '建筑业'],
  ['F', 51, 52, '批发和零售业'],
  ['G', 53, 60, '交通运输、仓储和邮政业'],
  ['H', 61, 62, '住宿和餐饮业'],
  ['I', 63, 65, '信息传输、软件和信息技术服务业'],
  ['J', 66, 69, '金融业'],
  ['K', 70, 70, '房地产业'],
  ['L', 71, 72, '租赁和商务服务业'],
  ['M', 73, 75, '科学研究和技术服务业'],
  ['N', 76, 79, '水利、环境和公共设施管理业'],
  ['O', 80, 82, '居民服务、修理和其他服务业'],
  ['P', 83, 83, '教育'],
  ['Q', 84, 85, '卫生和社会工作'],
  ['R', 86, 90, '文化、体育和娱乐业'],
  ['S', 91, 96, '公共管理、社会保障和社会组织'],
  ['T', 97, 97, '国际组织'],
];

/** The 97 division names of GB/T 4754-2017, in order 01–97. */
const DIVISION_NAMES = [
  '农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动',
  '煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业',
  '开采专业及辅助性活动', '其他采矿业',
  '农副食品加工业', '食品制造业', '酒、饮料和精制茶制造业', '烟草制品业', '纺织业', '纺织服装、服饰业',
  '皮革、毛皮、羽毛及其制品和制鞋业', '木材加工和木、竹、藤、棕、草制品业', '家具制造业', '造纸和纸制品业',
  '印刷和记录媒介复制业', '文教、工美、体育和娱乐用品制造业', '石油、煤炭及其他燃料加工业',
  '化学原料和化学制品制造业', '医药制造业', '化学纤维制造业', '橡胶和塑料制品业', '非金属矿物制品业',
  '黑色金属冶炼和压延加工业', '有色金属冶炼和压延加工业', '金属制品业', '通用设备制造业', '专用设备制造业',
  '汽车制造业', '铁路、船舶、航空航天和其他运输设备制造业', '电气机械和器材制造业',
  '计算机、通信和其他电子设备制造业', '仪器仪表制造业', '其他制造业', '废弃资源综合利用业',
  '金属制品、机械和设备修理业',
  '电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业',
  '房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业',
  '批发业', '零售业',
  '铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业',
  '装卸搬运和仓储业', '邮政业',
  '住宿业', '餐饮业',
  '电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业',
  '货币金融服务', '资本市场服务', '保险业', '其他金融业',
  '房地产业',
  '租赁业', '商务服务业',
  '研究和试验发展', '专业技术服务业', '科技推广和应用服务业',
  '水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业',
  '居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业',
  '教育',
  '卫生', '社会工作',
  '新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业',
  '中国共产党机关', '国家机构', '人民政协、民主党派', '社会保障', '群众团体、社会团体和其他成员组织',
  '基层群众自治组织及其他组织',
  '国际组织',
] as const;

const sectionOf = (division: number): string => SECTION_RANGES.find(([, a, b]) => division >= a && division <= b)![0];
const dd = (n: number): string => String(n).padStart(2, '0');

describe('GB/T 4754-2017 table', () => {
  it('is sorted by code, without duplicates, and every code below a section has its parent', () => {
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[A-T](\d{2,4})?$/);
      if (code.length === 1) continue;
      const parent = code.length === 3 ? code[0]! : code.slice(0, -1);
      expect(NAMES.has(parent), `${code} has parent ${parent}`).toBe(true);
    }
  });

  it('names are non-empty, trimmed and use the standard’s full-width punctuation', () => {
    for (const [code, name] of GBT4754) {
      expect(name, code).toMatch(/^\S+$/);
      expect(name, code).not.toMatch(/[(),]/);
    }
  });

  it('has the 20 sections with their names', () => {
    expect(codes.filter((c) => c.length === 1)).toEqual(SECTION_RANGES.map(([s]) => s));
    for (const [s, , , name] of SECTION_RANGES) expect(NAMES.get(s)).toBe(name);
  });

  it('has all 97 divisions 01–97, each in its section, with its exact name', () => {
    expect(DIVISION_NAMES).toHaveLength(97);
    const divisions = codes.filter((c) => c.length === 3);
    expect(divisions).toHaveLength(97);
    for (let n = 1; n <= 97; n++) {
      const code = sectionOf(n) + dd(n);
      expect(NAMES.get(code), code).toBe(DIVISION_NAMES[n - 1]);
    }
  });

  it('a class ending in 0 is the only class of its group and shares its name', () => {
    for (const [code, name] of GBT4754) {
      if (code.length !== 5 || !code.endsWith('0')) continue;
      const group = code.slice(0, 4);
      expect(NAMES.get(group), code).toBe(name);
      expect(codes.filter((c) => c.length === 5 && c.startsWith(group)), group).toEqual([code]);
    }
  });
});

describe('DOMAIN.md high-carbon / high-waste prefixes', () => {
  const PREFIXES: ReadonlyArray<readonly [prefix: string, name: string]> = [
    ['D44', '电力、热力生产和供应业'],
    ['C25', '石油、煤炭及其他燃料加工业'],
    ['C26', '化学原料和化学制品制造业'],
    ['C31', '黑色金属冶炼和压延加工业'],
    ['C301', '水泥、石灰和石膏制造'],
    ['C307', '陶瓷制品制造'],
    ['C22', '造纸和纸制品业'],
    ['C171', '棉纺织及印染精加工'],
    ['C172', '毛纺织及染整精加工'],
    ['C173', '麻纺织及染整精加工'],
    ['C174', '丝绢纺织及印染精加工'],
    ['C175', '化纤织造及印染精加工'],
    ['C176', '针织或钩针编织物及其制品制造'],
    ['C3982', '电子电路制造'],
    ['C3360', '金属表面处理及热处理加工'],
  ];
  it.each(PREFIXES)('%s is valid and named %s', (prefix, name) => {
    expect(industryCodeProblem(prefix)).toBeNull();
    expect(industryLabel(prefix)).toBe(`${prefix} ${name}`);
  });

  it('every table entry under a DOMAIN.md prefix resolves to its own name', () => {
    for (const [prefix] of PREFIXES) {
      const under = GBT4754.filter(([c]) => c.startsWith(prefix));
      expect(under.length, prefix).toBeGreaterThan(0);
      for (const [code, name] of under) expect(industryLabel(code)).toBe(`${code} ${name}`);
    }
  });
});

describe('classes of the key industries', () => {
  const CLASSES: Record<string, string> = {
    D4411: '火力发电', D4412: '热电联产', D4413: '水力发电', D4414: '核力发电', D4415: '风力发电',
    D4416: '太阳能发电', D4417: '生物质能发电', D4419: '其他电力生产', D4420: '电力供应', D4430: '热力生产和供应',
    C3011: '水泥制造', C3012: '石灰和石膏制造',
    C3071: '建筑陶瓷制品制造', C3072: '卫生陶瓷制品制造', C3073: '特种陶瓷制品制造', C3074: '日用陶瓷制品制造',
    C3075: '陈设艺术陶瓷制造', C3076: '园艺陶瓷制造', C3079: '其他陶瓷制品制造',
    C2211: '木竹浆制造', C2212: '非木竹浆制造', C2221: '机制纸及纸板制造', C2222: '手工纸制造', C2223: '加工纸制造',
    C1713: '棉印染精加工', C1723: '毛染整精加工', C1733: '麻染整精加工', C1743: '丝印染精加工',
    C1752: '化纤织物染整精加工', C1762: '针织或钩针编织物印染精加工',
    C3110: '炼铁', C3120: '炼钢', C3130: '钢压延加工', C3140: '铁合金冶炼', C2511: '原油加工及石油制品制造',
    C3751: '摩托车整车制造', C3752: '摩托车零部件及配件制造', C3670: '汽车零部件及配件制造',
    C3381: '金属制厨房用器具制造', C3383: '金属制卫生器具制造', C3854: '家用厨房电器具制造',
    C3841: '锂离子电池制造', C3843: '铅蓄电池制造', C3825: '光伏设备及元器件制造', C3612: '新能源车整车制造',
    C2929: '塑料零件及其他塑料制品制造', C1462: '酱油、食醋及类似制品制造',
    N7721: '水污染治理', N7722: '大气污染治理', N7723: '固体废物治理', N7724: '危险废物治理',
    N7725: '放射性废物治理', N7726: '土壤污染治理与修复服务', N7727: '噪声与振动控制服务', N7729: '其他污染治理',
    C4210: '金属废料和碎屑加工处理', C4220: '非金属废料和碎屑加工处理', F5191: '再生物资回收与批发',
    D4610: '自来水生产和供应', D4620: '污水处理及其再生利用',
    E4861: '节能工程施工', E4862: '环保工程施工', E4863: '生态保护工程施工',
    E4874: '风能发电工程施工', E4875: '太阳能发电工程施工',
    M7514: '节能技术推广服务', M7515: '新能源技术推广服务', M7516: '环保技术推广服务', L7245: '环保咨询',
    I6513: '应用软件开发',
  };
  it.each(Object.entries(CLASSES))('%s %s', (code, name) => {
    expect(industryCodeProblem(code)).toBeNull();
    expect(industryName(code)?.class).toBe(name);
    expect(industryLabel(code)).toBe(`${code} ${name}`);
  });
});

describe('industryCodeProblem', () => {
  it.each(['C3071', 'C30', 'C307', 'D4415', 'A0111', 'B06', 'K70', 'S96', 'T97', 'N7723', 'E4875'])(
    'accepts %s',
    (code) => {
      expect(industryCodeProblem(code)).toBeNull();
      expect(isValidIndustryCode(code)).toBe(true);
    },
  );

  it.each(['K7010', 'J6621', 'H621', 'B0610', 'C3078', 'C3010'])(
    'accepts %s: not listed, but its division exists (the table is partial below division level)',
    (code) => {
      expect(NAMES.has(code)).toBe(false);
      expect(industryCodeProblem(code)).toBeNull();
    },
  );

  it.each([
    ['', 'empty'],
    ['C', 'a bare section letter'],
    ['C3', 'one digit'],
    ['C30711', 'five digits'],
    ['3071', 'no section letter'],
    ['c3071', 'lower case (upper case only; the UI upper-cases first)'],
    ['C 3071', 'a space'],
    [' C3071', 'a leading space'],
    ['C3071 ', 'a trailing space'],
    ['C3O71', 'letter O for zero'],
    ['C３０７１', 'full-width digits'],
    ['CC30', 'two letters'],
    ['U97', 'no section U'],
    ['Z30', 'no section Z'],
    ['A30', 'division 30 is in section C'],
    ['D30', 'division 30 is in section C'],
    ['C01', 'division 01 is in section A'],
    ['C4411', 'division 44 is in section D'],
    ['T96', 'division 96 is in section S'],
  ])('rejects %j (%s) as BAD_INDUSTRY_CODE', (code) => {
    expect(industryCodeProblem(code)).toBe('BAD_INDUSTRY_CODE');
    expect(isValidIndustryCode(code)).toBe(false);
  });

  it.each(['C00', 'A00', 'C98', 'T99', 'C9801', 'S000'])('rejects %s as UNKNOWN_INDUSTRY_CODE (no such division)', (code) => {
    expect(industryCodeProblem(code)).toBe('UNKNOWN_INDUSTRY_CODE');
  });

  it('every division code is valid only under its own section', () => {
    for (let n = 1; n <= 97; n++) {
      for (const [s] of SECTION_RANGES) {
        expect(industryCodeProblem(s + dd(n)), s + dd(n)).toBe(s === sectionOf(n) ? null : 'BAD_INDUSTRY_CODE');
      }
    }
  });
});

describe('industryName / industryLabel / industryLevel', () => {
  it('names every known level', () => {
    expect(industryName('C3071')).toEqual({
      section: '制造业',
      division: '非金属矿物制品业',
      group: '陶瓷制品制造',
      class: '建筑陶瓷制品制造',
    });
    expect(industryName('D4416')).toEqual({
      section: '电力、热力、燃气及水生产和供应业',
      division: '电力、热力生产和供应业',
      group: '电力生产',
      class: '太阳能发电',
    });
    expect(industryName('C30')).toEqual({ section: '制造业', division: '非金属矿物制品业' });
    expect(industryName('C307')).toEqual({ section: '制造业', division: '非金属矿物制品业', group: '陶瓷制品制造' });
  });

  it('leaves out levels the table does not list', () => {
    expect(industryName('K7010')).toEqual({ section: '房地产业', division: '房地产业' });
    expect(industryName('C3078')).toEqual({ section: '制造业', division: '非金属矿物制品业', group: '陶瓷制品制造' });
  });

  it('names a bare section letter, though an applicant cannot use one', () => {
    expect(industryName('C')).toEqual({ section: '制造业' });
    expect(industryLabel('N')).toBe('N 水利、环境和公共设施管理业');
  });

  it('returns null for codes that are not valid', () => {
    for (const code of ['', 'c3071', 'A30', 'C98', 'X', 'C3']) expect(industryName(code), code).toBeNull();
  });

  it('labels with the deepest known name, or the bare code when nothing is known', () => {
    expect(industryLabel('C3071')).toBe('C3071 建筑陶瓷制品制造');
    expect(industryLabel('C3360')).toBe('C3360 金属表面处理及热处理加工');
    expect(industryLabel('C3982')).toBe('C3982 电子电路制造');
    expect(industryLabel('C30')).toBe('C30 非金属矿物制品业');
    expect(industryLabel('K7010')).toBe('K7010 房地产业');
    expect(industryLabel('C3078')).toBe('C3078 陶瓷制品制造');
    expect(industryLabel('A30')).toBe('A30');
    expect(industryLabel('c3071')).toBe('c3071');
  });

  it('gives the level of a well-formed code', () => {
    expect(industryLevel('C')).toBe('section');
    expect(industryLevel('C30')).toBe('division');
    expect(industryLevel('C307')).toBe('group');
    expect(industryLevel('C3071')).toBe('class');
    expect(industryLevel('C3')).toBeNull();
    expect(industryLevel('c30')).toBeNull();
  });
});

describe('searchIndustries', () => {
  const found = (text: string, limit?: number): string[] => searchIndustries(text, limit).map((e) => e.code);

  it("'陶瓷' finds the ceramics group and all its classes, name prefixes first", () => {
    const hits = found('陶瓷', 50);
    expect(hits.slice(0, 2)).toEqual(['C307', 'F5287']);
    for (const c of ['C3071', 'C3072', 'C3073', 'C3074', 'C3075', 'C3076', 'C3079', 'C3089', 'C3546']) expect(hits).toContain(c);
    expect(hits.indexOf('C3071')).toBeGreaterThan(hits.indexOf('F5287'));
  });

  it("'C30' finds the division first, then its groups, then its classes", () => {
    const hits = found('C30');
    expect(hits).toHaveLength(20);
    expect(hits.slice(0, 10)).toEqual(['C30', 'C301', 'C302', 'C303', 'C304', 'C305', 'C306', 'C307', 'C308', 'C309']);
    expect(hits.slice(10, 12)).toEqual(['C3011', 'C3012']);
    expect(hits.every((c) => c.startsWith('C30'))).toBe(true);
    expect(found('c30')).toEqual(hits);
  });

  it("'光伏' finds C3825", () => {
    expect(searchIndustries('光伏')).toEqual([{ code: 'C3825', name: '光伏设备及元器件制造', level: 'class' }]);
  });

  it('puts an exact code first', () => {
    expect(found('C3071')).toEqual(['C3071']);
    expect(found('D44', 5)).toEqual(['D44', 'D441', 'D442', 'D443', 'D4411']);
  });

  it('matches the digits alone', () => {
    expect(found('3071')[0]).toBe('C3071');
    expect(found('44')[0]).toBe('D44');
  });

  it('matches any substring of a name', () => {
    expect(found('水污染')).toEqual(['N7721']);
    expect(found('危险废物')).toEqual(['N7724']);
    expect(found('锂离子')).toEqual(['C3841']);
    expect(found('摩托车', 10).slice(0, 3)).toEqual(['C375', 'C3751', 'C3752']);
  });

  it('never suggests a bare section letter', () => {
    const hits = found('C', 5);
    expect(hits).toEqual(['C13', 'C14', 'C15', 'C16', 'C17']);
    expect(found('制造业', 200).every((c) => c.length > 1)).toBe(true);
  });

  it('respects the limit and returns nothing for blank or unmatched text', () => {
    expect(found('制造', 7)).toHaveLength(7);
    expect(found('')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('没有这个行业')).toEqual([]);
    expect(found('C30', 0)).toEqual([]);
  });
});
