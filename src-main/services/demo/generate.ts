/**
 * A realistic, deterministic demo library for Jiangmen (`greendesk.library.v1`): the same options always give the
 * same snapshot, byte for byte. `generateDemoSnapshotNext` derives the following version (a few changes, drops and
 * new projects) for exercising deltas.
 */
import {
  DISTRICTS,
  GREEN_CATEGORIES,
  PROJECT_STATUSES,
  type District,
  type GreenCategory,
  type LibraryKey,
  type ProjectStatus,
} from '../../../shared/domain/jiangmen.js';
import { SNAPSHOT_FORMAT, type LibrarySnapshot, type SnapshotProject } from '../../../shared/domain/snapshot.js';
import { USCC_ALPHABET, usccCheckChar } from '../../../shared/domain/uscc.js';
import * as N from './names.js';
import { createRng, type Rng } from './random.js';

export const DEMO_DEFAULT_SEED = 20261123;
export const DEMO_DEFAULT_VERSION = 1;
export const DEMO_DEFAULT_ISSUED_AT = '2026-11-01T00:00:00+08:00';
export const DEMO_ISSUER = '江门市金融工作局';
/** Listing dates of the generated library fall in this range (inclusive). */
export const DEMO_FIRST_DAY = '2023-01-01';
export const DEMO_LAST_DAY = '2026-10-31';

export interface DemoSnapshotOptions {
  projects: number;
  seed?: number;
  version?: number;
  issuedAt?: string;
}

export interface DemoSnapshotNextOptions {
  seed?: number;
}

type Benefits = SnapshotProject['expectedBenefits'];
type Draft = Omit<SnapshotProject, 'id'>;

const LIBRARY_ID_PREFIX: Record<LibraryKey, string> = { green: 'GP', waste_free: 'WF', transition: 'TR' };
const ID_PATTERN = /^JM-(GP|WF|TR)-(\d{4})-(\d+)$/;
const MAX_YUAN = 2_000_000_000;
const MIN_YUAN = 2_000_000;

// ---------------------------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC): pure and timezone-free.

const DAY_MS = 86_400_000;

function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** YYYY-MM-DD of a day number (civil-from-days, proleptic Gregorian; faster than Date for bulk use). */
function isoOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The same day of the next month (clamped to the month's length). */
function nextMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfNext)) / DAY_MS;
}

/** Moves a weekend day to the nearest working day inside [from, to] when there is one. */
function toWorkingDay(day: number, from: number, to: number): number {
  const wd = weekday(day);
  if (wd !== 0 && wd !== 6) return day;
  const candidates = wd === 6 ? [day - 1, day + 2] : [day + 1, day - 2];
  for (const c of candidates) if (c >= from && c <= to) return c;
  return day;
}

const FIRST_DAY = dayOf(DEMO_FIRST_DAY)!;
const LAST_DAY = dayOf(DEMO_LAST_DAY)!;
const SECTOR_CODES = Object.keys(N.SECTORS);
const TRANSITION_TEMPLATES = new Set(N.TRANSITION_TEMPLATES);
const ALPHABET_CHARS = USCC_ALPHABET.split('');
const TEMPLATES_BY_CATEGORY = new Map<GreenCategory, N.ProjectTemplate[]>();
for (const t of N.PROJECT_TEMPLATES) {
  const list = TEMPLATES_BY_CATEGORY.get(t.category);
  if (list) list.push(t);
  else TEMPLATES_BY_CATEGORY.set(t.category, [t]);
}
/** Third character of post-2015 organisation codes in Guangdong (MA4…, MA5…, MAC…, MAD…). */
const MA_THIRD_CHAR = [['4', 3], ['5', 4], ['C', 2], ['D', 1]] as const;
const NAME_STYLES = [['local', 84], ['bracket', 8], ['province', 8]] as const;
const BRACKET_SUFFIXES = [['有限公司', 9], ['有限责任公司', 1]] as const;
const PROVINCE_SUFFIXES = [['股份有限公司', 5], ['有限公司', 4], ['集团有限公司', 1]] as const;
/** A company has one to three projects. */
const PROJECTS_PER_COMPANY = [[1, 60], [2, 28], [3, 12]] as const;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function sector(code: string): N.Sector {
  const s = N.SECTORS[code];
  if (!s) throw new Error(`demo: unknown sector ${code}`);
  return s;
}

function startsWithAny(code: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (code.startsWith(p)) return true;
  return false;
}

/** One decimal, without a trailing ".0". */
function fmt1(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/** Yuan from an integer number of fen (at most two decimals, exactly representable as the closest double). */
function yuanFromFen(fen: number): number {
  return fen / 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Companies

interface Company {
  name: string;
  uscc: string;
  district: District;
  sector: N.Sector;
}

/** GB 11714 check character of an 8-character organisation code (digits only here). */
function orgCodeCheck(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * w[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function organisationCode(rng: Rng): string {
  if (rng.chance(0.65)) {
    // Registered since 2015: "MA" + 7 characters.
    let s = 'MA' + rng.weighted(MA_THIRD_CHAR);
    for (let i = 0; i < 6; i++) s += rng.pick(ALPHABET_CHARS);
    return s;
  }
  // Older firms keep their 组织机构代码: 8 digits + GB 11714 check character.
  let body = String(rng.int(1, 9));
  for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
  return body + orgCodeCheck(body);
}

function brand(rng: Rng): string {
  if (rng.chance(0.3)) return rng.pick(N.BRAND_WORDS);
  const a = rng.pick(N.BRAND_FIRST_CHARS);
  let b = rng.pick(N.BRAND_SECOND_CHARS);
  while (b === a) b = rng.pick(N.BRAND_SECOND_CHARS);
  return a + b;
}

class Factory {
  readonly names = new Set<string>();
  readonly usccs = new Set<string>();
  private readonly templateCache = new Map<string, { specific: N.ProjectTemplate[]; generic: N.ProjectTemplate[] }>();
  private readonly firstCache = new Map<string, readonly (readonly [N.ProjectTemplate, number])[]>();
  private readonly sectorCache = new Map<string, readonly (readonly [string, number])[]>();
  private readonly fitCache = new Map<string, readonly (readonly [GreenCategory, number])[]>();
  private readonly transitionCache = new Map<string, GreenCategory[]>();
  private companies = 0;

  constructor(private readonly rng: Rng) {}

  uscc(district: District): string {
    for (;;) {
      const first17 = '91' + N.DISTRICT_ADMIN_CODES[district] + organisationCode(this.rng);
      const code = first17 + usccCheckChar(first17)!;
      if (!this.usccs.has(code)) {
        this.usccs.add(code);
        return code;
      }
    }
  }

  companyName(district: District, s: N.Sector): string {
    const rng = this.rng;
    for (let attempt = 0; ; attempt++) {
      const word = rng.pick(s.words);
      const style = rng.weighted(NAME_STYLES);
      let name: string;
      if (style === 'bracket') {
        name = `${brand(rng)}（${N.DISTRICT_SHORT_NAMES[district]}）${word}${rng.weighted(BRACKET_SUFFIXES)}`;
      } else if (style === 'province') {
        name = `广东${brand(rng)}${word}${rng.weighted(PROVINCE_SUFFIXES)}`;
      } else {
        name = `${rng.weighted(N.COMPANY_PLACE_PREFIXES[district])}${brand(rng)}${word}${rng.weighted(N.COMPANY_SUFFIXES)}`;
      }
      if (attempt >= 40) name = `${name.replace(/(有限责任公司|股份有限公司|集团有限公司|有限公司)$/, '')}${this.companies + 1}号有限公司`;
      if (!this.names.has(name)) {
        this.names.add(name);
        this.companies++;
        return name;
      }
    }
  }

  company(s: N.Sector, district: District): Company {
    return { name: this.companyName(district, s), uscc: this.uscc(district), district, sector: s };
  }

  districtFor(s: N.Sector): District {
    if (s.districts && this.rng.chance(0.75)) {
      const entries = Object.entries(s.districts) as [District, number][];
      return this.rng.weighted(entries);
    }
    return this.rng.weighted(N.DISTRICT_WEIGHTS);
  }

  templates(library: LibraryKey, category: GreenCategory, code: string, district: District) {
    const key = `${library}|${category}|${code}|${district}`;
    let hit = this.templateCache.get(key);
    if (!hit) {
      const base = (TEMPLATES_BY_CATEGORY.get(category) ?? []).filter(
        (t) =>
          (!t.libraries || t.libraries.includes(library)) &&
          (!t.districts || t.districts.includes(district)),
      );
      hit = {
        specific: base.filter((t) => t.sectors !== undefined && startsWithAny(code, t.sectors)),
        generic: base.filter((t) => t.sectors === undefined),
      };
      this.templateCache.set(key, hit);
    }
    return hit;
  }

  /** Categories a transition company can have a project in (its industry's templates). */
  transitionCategories(c: Company): GreenCategory[] {
    const key = `${c.sector.code}|${c.district}`;
    let hit = this.transitionCache.get(key);
    if (!hit) {
      hit = N.TRANSITION_CATEGORY_WEIGHTS.map(([cat]) => cat).filter(
        (cat) => this.templates('transition', cat, c.sector.code, c.district).specific.length > 0,
      );
      this.transitionCache.set(key, hit);
    }
    return hit;
  }

  /** The categories (with the library's weights) a company of the green or waste-free library fits. */
  fittingCategories(library: Exclude<LibraryKey, 'transition'>, c: Company): readonly (readonly [GreenCategory, number])[] {
    const key = `${library}|${c.sector.code}|${c.district}`;
    let hit = this.fitCache.get(key);
    if (!hit) {
      hit = N.LIBRARY_CATEGORY_WEIGHTS[library].filter(([cat]) => this.fits(library, cat, c));
      this.fitCache.set(key, hit);
    }
    return hit;
  }

  /** Whether a company of the green or waste-free library fits projects of a category. */
  fits(library: LibraryKey, category: GreenCategory, c: Company): boolean {
    const { specific, generic } = this.templates(library, category, c.sector.code, c.district);
    return specific.length > 0 || (generic.length > 0 && N.CATEGORY_SECTORS[category].some(([code]) => code === c.sector.code));
  }

  /** The first project of a new company: the kind of project comes first, the company's industry follows from it. */
  firstTemplate(library: LibraryKey, category: GreenCategory, district: District | undefined): N.ProjectTemplate {
    const key = `${library}|${category}|${district ?? ''}`;
    let candidates = this.firstCache.get(key);
    if (!candidates) {
      candidates = N.PROJECT_TEMPLATES.filter(
        (t) =>
          t.category === category &&
          (!t.libraries || t.libraries.includes(library)) &&
          (!district || !t.districts || t.districts.includes(district)),
      ).map((t) => [t, TRANSITION_TEMPLATES.has(t) ? 0.25 : 1] as const);
      this.firstCache.set(key, candidates);
    }
    return this.rng.weighted(candidates);
  }

  /** An industry that carries a template's kind of project. */
  sectorFor(t: N.ProjectTemplate, category: GreenCategory): N.Sector {
    const key = `${category}|${t.sectors?.join(',') ?? ''}`;
    let codes = this.sectorCache.get(key);
    if (!codes) {
      const weights = N.CATEGORY_SECTORS[category];
      const sectors = t.sectors;
      const matching = sectors ? SECTOR_CODES.filter((code) => startsWithAny(code, sectors)) : [];
      codes =
        matching.length > 0
          ? matching.map((code) => [code, weights.find(([c]) => c === code)?.[1] ?? 0.2] as const)
          : weights;
      this.sectorCache.set(key, codes);
    }
    return sector(this.rng.weighted(codes));
  }

  districtForTemplate(t: N.ProjectTemplate, s: N.Sector): District {
    if (!t.districts) return this.districtFor(s);
    return this.rng.weighted(t.districts.map((d) => [d, s.districts?.[d] ?? 0.5] as const));
  }

  pickTemplate(library: LibraryKey, category: GreenCategory, c: Company): N.ProjectTemplate {
    const { specific, generic } = this.templates(library, category, c.sector.code, c.district);
    let pool: readonly N.ProjectTemplate[];
    if (library === 'transition') {
      pool = specific.length > 0 ? specific : generic.filter((t) => t.benefit === 'energy_saving');
      if (pool.length === 0) pool = generic;
    } else {
      pool = specific.length > 0 && (generic.length === 0 || this.rng.chance(0.7)) ? specific : generic;
    }
    if (pool.length === 0) {
      // Nothing fits this company: any project of the category (only reached for data from elsewhere).
      pool = N.PROJECT_TEMPLATES.filter(
        (t) => t.category === category && !t.districts && (!t.libraries || t.libraries.includes(library)),
      );
      if (pool.length === 0) pool = N.PROJECT_TEMPLATES.filter((t) => t.category === category);
    }
    if (library === 'transition') return this.rng.pick(pool);
    return this.rng.weighted(pool.map((t) => [t, TRANSITION_TEMPLATES.has(t) ? 0.25 : 1] as const));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Projects

class Quantities {
  private readonly cache = new Map<N.QuantityKey, number>();
  constructor(
    private readonly rng: Rng,
    private readonly investment: number,
  ) {}
  get(key: N.QuantityKey): number {
    let q = this.cache.get(key);
    if (q === undefined) {
      const [lo, hi] = N.QUANTITIES[key].unitCost;
      q = this.investment / this.rng.float(lo, hi);
      this.cache.set(key, q);
    }
    return q;
  }
}

function formatQuantity(key: N.QuantityKey, q: number): string {
  const tonnes = (t: number, step: number): string =>
    t >= 10_000 ? `${fmt1(t / 10_000)}万吨` : `${Math.max(step, roundTo(t, step))}吨`;
  switch (key) {
    case 'pvMW':
      return q < 10 ? `${fmt1(Math.max(0.1, q))}MW` : `${Math.round(q)}MW`;
    case 'windMW':
      return `${q >= 100 ? roundTo(q, 10) : Math.max(1, Math.round(q))}MW`;
    case 'storMWh': {
      const mwh = q < 10 ? Math.max(0.2, Math.round(q * 10) / 10) : Math.round(q);
      return `${fmt1(mwh / 2)}MW/${fmt1(mwh)}MWh`;
    }
    case 'capT':
    case 'hazT':
      return tonnes(q, 100);
    case 'tpd':
      return `${q >= 100 ? roundTo(q, 50) : Math.max(10, roundTo(q, 10))}吨`;
    case 'wwTpd':
      return tonnes(q, 500);
    case 'areaM2':
      return q >= 10_000 ? `${fmt1(q / 10_000)}万平方米` : `${Math.max(500, roundTo(q, 100))}平方米`;
    case 'km':
      return `${fmt1(Math.max(0.5, q))}公里`;
    case 'mu':
      return `${q >= 1000 ? roundTo(q, 100) : Math.max(10, roundTo(q, 10))}亩`;
    case 'piles':
      return `${Math.max(4, Math.round(q))}个充电桩`;
    case 'buses':
      return `${Math.max(5, Math.round(q))}辆纯电动公交车`;
    case 'steamTph':
      return `${Math.max(2, Math.round(q))}蒸吨/小时`;
    case 'wanUnits':
      return `${fmt1(Math.max(0.5, q))}万台`;
  }
}

const PLACE_PREFIX = /^(江门市(蓬江区|江海区|新会区)?|广东|台山市|开平市|鹤山市|恩平市|江门|新会|台山|开平|鹤山|恩平)/;
const LEGAL_SUFFIX = /(集团有限公司|股份有限公司|有限责任公司|有限公司)$/;

/** A company's short name as used in project names: 江门市新会区鸿威环保科技有限公司 → 鸿威环保科技. */
export function companyShortName(ownerName: string): string {
  const short = ownerName.replace(/（[^）]*）/g, '').replace(LEGAL_SUFFIX, '').replace(PLACE_PREFIX, '');
  return short.length >= 2 ? short : ownerName;
}

function fillName(t: N.ProjectTemplate, rng: Rng, c: Company, qs: Quantities): string {
  // Project sheets often lead with the company's short name when the project has no place in its name.
  const lead = !/\{(town|park|district)\}/.test(t.name) && rng.chance(0.3) ? companyShortName(c.name) : '';
  return lead + t.name.replace(/\{(\w+)\}/g, (_m, token: string) => {
    if (token === 'town') return rng.pick(N.DISTRICT_TOWNS[c.district]);
    if (token === 'park') return rng.pick(N.DISTRICT_PARKS[c.district]);
    if (token === 'district') return c.district;
    if (token in N.QUANTITIES) {
      const key = token as N.QuantityKey;
      return formatQuantity(key, qs.get(key));
    }
    throw new Error(`demo: unknown token {${token}} in ${t.name}`);
  });
}

/** Expected annual benefits (t CO2, tce, t, t), rounded to whole tonnes. */
function benefitsFor(t: N.ProjectTemplate, rng: Rng, investment: number, qs: Quantities): Benefits {
  const GRID_T_PER_MWH = 0.5703; // national grid emission factor, tCO2/MWh
  const TCE_PER_MWH = 0.3; // coal equivalent of 1 MWh at ~300 gce/kWh
  const co2 = (): number => (t.co2PerT ? rng.float(t.co2PerT[0], t.co2PerT[1]) : 0);
  let carbon = 0;
  let energy = 0;
  let waste = 0;
  let hazardous = 0;
  switch (t.benefit) {
    case 'pv': {
      const mwh = qs.get('pvMW') * rng.float(1000, 1150);
      carbon = mwh * GRID_T_PER_MWH;
      energy = mwh * TCE_PER_MWH;
      break;
    }
    case 'wind': {
      const mwh = qs.get('windMW') * rng.float(2200, 3200);
      carbon = mwh * GRID_T_PER_MWH;
      energy = mwh * TCE_PER_MWH;
      break;
    }
    case 'storage':
      carbon = qs.get('storMWh') * rng.float(25, 60);
      energy = carbon * rng.float(0.35, 0.4);
      break;
    case 'energy_saving':
      energy = (investment / 10_000) * rng.float(0.15, 0.8);
      carbon = energy * rng.float(2.4, 2.7);
      break;
    case 'building':
      energy = qs.get('areaM2') * rng.float(0.006, 0.02);
      carbon = energy * rng.float(2.4, 2.6);
      break;
    case 'transport':
      carbon = (investment / 10_000) * rng.float(0.1, 0.5);
      energy = carbon * rng.float(0.32, 0.36);
      break;
    case 'recycling':
      waste = qs.get('capT') * rng.float(0.7, 0.95);
      carbon = waste * co2();
      energy = carbon * rng.float(0.1, 0.3);
      break;
    case 'hazardous':
      hazardous = qs.get('hazT') * rng.float(0.6, 0.9);
      // Resource recovery (batteries, sludge, etchant) also yields utilised material.
      waste = t.co2PerT && t.co2PerT[1] >= 0.3 ? hazardous * rng.float(0.3, 0.8) : 0;
      carbon = hazardous * co2();
      break;
    case 'solid_waste':
      waste = qs.get('tpd') * rng.float(300, 340) * rng.float(0.7, 0.95);
      carbon = waste * co2();
      break;
    case 'ecology':
      carbon = qs.get('mu') * rng.float(0.3, 1.0);
      break;
    case 'none':
      break;
  }
  return {
    carbonReductionT: Math.round(carbon),
    energySavedTce: Math.round(energy),
    wasteUtilizedT: Math.round(waste),
    hazardousDisposedT: Math.round(hazardous),
  };
}

/** Total investment in yuan: log-uniform, skewed small, written the way project sheets write it. */
function investmentYuan(rng: Rng, lo: number, hi: number): number {
  const min = Math.max(MIN_YUAN, lo);
  const max = Math.min(MAX_YUAN, hi);
  const x = Math.pow(rng.next(), 1.8);
  const raw = min * Math.pow(max / min, x);
  let fen: number;
  const mode = rng.next();
  if (raw >= 100_000_000 && mode < 0.6) fen = roundTo(raw, 1_000_000) * 100; // whole 百万
  else if (mode < 0.8) fen = roundTo(raw, 10_000) * 100; // whole 万元
  else if (mode < 0.97) fen = roundTo(raw, 100) * 100; // 万元 with two decimals
  else fen = Math.round(raw * 100); // to the fen
  fen = Math.min(MAX_YUAN * 100, Math.max(MIN_YUAN * 100, fen));
  return yuanFromFen(fen);
}

/** A financing need ≤ total, in the same styles. */
function financingYuan(rng: Rng, total: number, status: ProjectStatus): number {
  if (rng.chance(0.02)) return 0;
  const [lo, hi] =
    status === 'listed' ? [0.35, 0.8] : status === 'under_construction' ? [0.25, 0.7] : status === 'in_operation' ? [0.05, 0.45] : [0.2, 0.8];
  return roundNeed(rng, total * rng.float(lo, hi), total);
}

function roundNeed(rng: Rng, raw: number, total: number): number {
  const mode = rng.next();
  let fen: number;
  if (mode < 0.85) fen = roundTo(raw, 10_000) * 100;
  else if (mode < 0.97) fen = roundTo(raw, 100) * 100;
  else fen = Math.round(raw * 100);
  const totalFen = Math.round(total * 100);
  return yuanFromFen(Math.max(0, Math.min(totalFen, fen)));
}

function pickStatus(rng: Rng, listedDay: number, lastDay: number): ProjectStatus {
  if (rng.chance(0.03)) return 'withdrawn';
  const age = (lastDay - listedDay) / 365;
  return rng.weighted([
    ['listed', Math.max(0.06, 0.62 - 0.22 * age)],
    ['under_construction', 0.3 + 0.04 * age],
    ['in_operation', Math.max(0.03, 0.06 + 0.27 * age)],
  ] as const);
}

function pickUpdatedDay(rng: Rng, listedDay: number, lastDay: number, status: ProjectStatus): number {
  const span = Math.max(0, lastDay - listedDay);
  if (span === 0) return listedDay;
  switch (status) {
    case 'listed':
      return rng.chance(0.55) ? listedDay : listedDay + rng.int(1, Math.min(span, 120));
    case 'under_construction':
      return listedDay + rng.int(Math.min(span, 14), span);
    case 'in_operation':
      return listedDay + Math.max(Math.min(span, 90), Math.round(span * Math.sqrt(rng.next())));
    case 'withdrawn':
      return listedDay + rng.int(Math.min(span, 30), span);
  }
}

/** A listing day in [from, to], denser towards `to` (the libraries grew), on a working day. */
function pickListedDay(rng: Rng, from: number, to: number): number {
  const x = 1 - Math.pow(1 - rng.next(), 1.3);
  const day = from + Math.min(to - from, Math.floor((to - from + 1) * x));
  return toWorkingDay(day, from, to);
}

function sourceDept(rng: Rng, library: LibraryKey, category: GreenCategory, district: District): string {
  const dept =
    library === 'waste_free'
      ? rng.weighted(N.WASTE_FREE_DEPARTMENTS)
      : library === 'transition'
        ? rng.weighted(N.TRANSITION_DEPARTMENTS)
        : rng.weighted(N.CATEGORY_DEPARTMENTS[category]);
  if (N.DISTRICT_LEVEL_DEPARTMENTS.includes(dept) && rng.chance(0.15)) {
    return `${N.DISTRICT_FULL_NAMES[district]}${dept.slice(1)}`;
  }
  return dept;
}

interface Window {
  from: number;
  to: number;
}

function makeProject(
  f: Factory,
  rng: Rng,
  c: Company,
  library: LibraryKey,
  category: GreenCategory,
  window: Window,
  forcedStatus?: ProjectStatus,
  template?: N.ProjectTemplate,
): Draft {
  const t = template ?? f.pickTemplate(library, category, c);
  const [lo, hi] = t.invest ?? N.CATEGORY_INVESTMENT[category];
  const total = investmentYuan(rng, lo, hi);
  const qs = new Quantities(rng, total);
  const name = fillName(t, rng, c, qs);
  const listedDay = pickListedDay(rng, window.from, window.to);
  const status = forcedStatus ?? pickStatus(rng, listedDay, window.to);
  const updatedDay = pickUpdatedDay(rng, listedDay, window.to, status);
  return {
    library,
    name,
    ownerName: c.name,
    ownerUscc: c.uscc,
    district: c.district,
    industryCode: c.sector.code,
    category,
    totalInvestmentYuan: total,
    financingNeedYuan: financingYuan(rng, total, status),
    expectedBenefits: benefitsFor(t, rng, total, qs),
    sourceDept: sourceDept(rng, library, category, c.district),
    status,
    listedAt: isoOf(listedDay),
    updatedAt: isoOf(updatedDay),
  };
}

function withId(id: string, d: Draft): SnapshotProject {
  return {
    id,
    library: d.library,
    name: d.name,
    ownerName: d.ownerName,
    ownerUscc: d.ownerUscc,
    district: d.district,
    industryCode: d.industryCode,
    category: d.category,
    totalInvestmentYuan: d.totalInvestmentYuan,
    financingNeedYuan: d.financingNeedYuan,
    expectedBenefits: { ...d.expectedBenefits },
    sourceDept: d.sourceDept,
    status: d.status,
    listedAt: d.listedAt,
    updatedAt: d.updatedAt,
  };
}

function formatId(library: LibraryKey, year: string, seq: number): string {
  return `JM-${LIBRARY_ID_PREFIX[library]}-${year}-${String(seq).padStart(5, '0')}`;
}

/** Sorts drafts by listing date (stable) and numbers them per library and year, continuing from `counters`. */
function assignIds(drafts: Draft[], counters: Map<string, number>): SnapshotProject[] {
  // Sort numerically (date as yyyymmdd, then position): much faster than comparing strings for 100k drafts.
  const SHIFT = 2 ** 24;
  if (drafts.length >= SHIFT) throw new RangeError('too many projects');
  const keys = new Float64Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const at = drafts[i]!.listedAt;
    const ymd = Number(at.slice(0, 4)) * 10_000 + Number(at.slice(5, 7)) * 100 + Number(at.slice(8, 10));
    keys[i] = ymd * SHIFT + i;
  }
  keys.sort();
  return Array.from(keys, (k) => {
    const d = drafts[k % SHIFT]!;
    const year = d.listedAt.slice(0, 4);
    const key = `${LIBRARY_ID_PREFIX[d.library]}-${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    return withId(formatId(d.library, year, seq), d);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Company plans

interface Plan {
  company: Company;
  /** Library and category of each of the company's projects, in order. */
  libraries: LibraryKey[];
  categories: GreenCategory[];
  /** The template of the first project (green and waste-free companies). */
  firstTemplate?: N.ProjectTemplate;
}

function planCompany(
  f: Factory,
  rng: Rng,
  count: number,
  forced: { library?: LibraryKey; category?: GreenCategory; district?: District } = {},
): Plan {
  const library = forced.library ?? rng.weighted(N.LIBRARY_WEIGHTS);
  if (library === 'transition') {
    const code = rng.chance(0.88) ? rng.weighted(N.TRANSITION_SECTORS) : rng.weighted(N.TRANSITION_OTHER_SECTORS);
    const s = sector(code);
    const company = f.company(s, forced.district ?? f.districtFor(s));
    const available = f.transitionCategories(company);
    const weights = N.TRANSITION_CATEGORY_WEIGHTS.filter(([cat]) => available.includes(cat));
    const categories: GreenCategory[] = [];
    for (let k = 0; k < count; k++) {
      categories.push(weights.length > 0 ? rng.weighted(weights) : 'energy_saving_carbon_reduction');
    }
    return { company, categories, libraries: categories.map(() => 'transition') };
  }
  const first = forced.category ?? rng.weighted(N.LIBRARY_CATEGORY_WEIGHTS[library]);
  const firstTemplate = f.firstTemplate(library, first, forced.district);
  const s = f.sectorFor(firstTemplate, first);
  const company = f.company(s, forced.district ?? f.districtForTemplate(firstTemplate, s));
  const categories: GreenCategory[] = [first];
  const libraries: LibraryKey[] = [library];
  for (let k = 1; k < count; k++) {
    let lib: Exclude<LibraryKey, 'transition'> = library;
    if (rng.chance(0.15)) lib = library === 'green' ? 'waste_free' : 'green';
    const fits = f.fittingCategories(lib, company);
    if (fits.length === 0) {
      libraries.push(library);
      categories.push(first);
    } else {
      libraries.push(lib);
      categories.push(lib === library && rng.chance(0.6) && fits.some(([c]) => c === first) ? first : rng.weighted(fits));
    }
  }
  return { company, categories, libraries, firstTemplate };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

export function generateDemoSnapshot(opts: DemoSnapshotOptions): LibrarySnapshot {
  const n = opts.projects;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`projects must be a non-negative integer, got ${n}`);
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const rng = createRng(seed);
  const f = new Factory(rng);
  const window: Window = { from: FIRST_DAY, to: LAST_DAY };

  const drafts: Draft[] = [];
  for (let ci = 0; drafts.length < n; ci++) {
    // The first companies cover every category, district and library, so even small demos show them all.
    const forced: { library?: LibraryKey; category?: GreenCategory; district?: District } = {};
    if (ci < GREEN_CATEGORIES.length) {
      forced.library = 'green';
      forced.category = GREEN_CATEGORIES[ci]!;
    } else if (ci === GREEN_CATEGORIES.length) forced.library = 'waste_free';
    else if (ci === GREEN_CATEGORIES.length + 1) forced.library = 'transition';
    if (ci < DISTRICTS.length) forced.district = DISTRICTS[ci]!;

    const count = Math.min(n - drafts.length, rng.weighted(PROJECTS_PER_COMPANY));
    const plan = planCompany(f, rng, count, forced);
    for (let k = 0; k < count; k++) {
      const p = drafts.length;
      const forcedStatus = p < PROJECT_STATUSES.length ? PROJECT_STATUSES[PROJECT_STATUSES.length - 1 - p] : undefined;
      const template = k === 0 ? plan.firstTemplate : undefined;
      drafts.push(makeProject(f, rng, plan.company, plan.libraries[k]!, plan.categories[k]!, window, forcedStatus, template));
    }
  }

  return {
    format: SNAPSHOT_FORMAT,
    version: opts.version ?? DEMO_DEFAULT_VERSION,
    issuedAt: opts.issuedAt ?? DEMO_DEFAULT_ISSUED_AT,
    issuer: DEMO_ISSUER,
    projects: assignIds(drafts, new Map()),
  };
}

/**
 * The next version of a (demo) snapshot: about 2% of the projects changed (status moves on, or the financing need
 * is revised), about 1% dropped (absent, so an import withdraws them), and a few new ones listed after the previous
 * issue date. The issue date moves on by one month. Deterministic for the same `prev` and options.
 */
export function generateDemoSnapshotNext(prev: LibrarySnapshot, opts: DemoSnapshotNextOptions = {}): LibrarySnapshot {
  const seed = opts.seed ?? (DEMO_DEFAULT_SEED + Math.imul(prev.version + 1, 7919)) >>> 0;
  const rng = createRng(seed);
  const projects = prev.projects;
  const n = projects.length;

  // The window of this version: from the previous issue date to the day before the new one.
  let prevDay = dayOf(prev.issuedAt);
  const issuedSuffix = prevDay !== null ? prev.issuedAt.slice(10) : 'T00:00:00+08:00';
  if (prevDay === null) {
    let latest = LAST_DAY;
    for (const p of projects) latest = Math.max(latest, dayOf(p.updatedAt) ?? 0, dayOf(p.listedAt) ?? 0);
    prevDay = latest + 1;
  }
  const nextDay = nextMonth(prevDay);
  const window: Window = { from: prevDay, to: nextDay - 1 };

  // Drops and changes among projects that are not withdrawn already.
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (projects[i]!.status !== 'withdrawn') eligible.push(i);
  const shuffled = rng.shuffle(eligible);
  const nDrop = Math.min(shuffled.length, n > 0 ? Math.max(1, Math.round(n * 0.01)) : 0);
  const nChange = Math.min(shuffled.length - nDrop, n > 0 ? Math.max(1, Math.round(n * 0.02)) : 0);
  const dropped = new Set(shuffled.slice(0, nDrop));
  const changed = new Set(shuffled.slice(nDrop, nDrop + nChange));

  const kept: SnapshotProject[] = [];
  for (let i = 0; i < n; i++) {
    if (dropped.has(i)) continue;
    const p = projects[i]!;
    kept.push(changed.has(i) ? changeProject(rng, p, window) : { ...p, expectedBenefits: { ...p.expectedBenefits } });
  }

  // New projects: some by companies already listed (up to three projects each), the rest by new companies.
  const f = new Factory(rng);
  const perOwner = new Map<string, number>();
  for (const p of projects) {
    f.names.add(p.ownerName);
    f.usccs.add(p.ownerUscc);
    perOwner.set(p.ownerUscc, (perOwner.get(p.ownerUscc) ?? 0) + 1);
  }
  const counters = new Map<string, number>();
  for (const p of projects) {
    const m = ID_PATTERN.exec(p.id);
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    counters.set(key, Math.max(counters.get(key) ?? 0, Number(m[3])));
  }
  const nNew = n > 0 ? Math.max(3, Math.round(n * 0.005)) : 3;
  const drafts: Draft[] = [];
  while (drafts.length < nNew) {
    const existing = kept.length > 0 && rng.chance(0.35) ? rng.pick(kept) : null;
    const known = existing ? N.SECTORS[existing.industryCode] : undefined;
    if (existing && known && (perOwner.get(existing.ownerUscc) ?? 0) < 3) {
      const c: Company = {
        name: existing.ownerName,
        uscc: existing.ownerUscc,
        district: existing.district,
        sector: known,
      };
      let category = existing.category;
      if (existing.library === 'transition') {
        const weights = N.TRANSITION_CATEGORY_WEIGHTS.filter(([cat]) => f.transitionCategories(c).includes(cat));
        if (weights.length > 0) category = rng.weighted(weights);
      } else {
        const fits = f.fittingCategories(existing.library, c);
        if (fits.length > 0 && rng.chance(0.5)) category = rng.weighted(fits);
      }
      perOwner.set(c.uscc, (perOwner.get(c.uscc) ?? 0) + 1);
      drafts.push(makeProject(f, rng, c, existing.library, category, window, 'listed'));
    } else {
      const plan = planCompany(f, rng, 1);
      perOwner.set(plan.company.uscc, 1);
      drafts.push(makeProject(f, rng, plan.company, plan.libraries[0]!, plan.categories[0]!, window, 'listed', plan.firstTemplate));
    }
  }

  return {
    format: SNAPSHOT_FORMAT,
    version: prev.version + 1,
    issuedAt: isoOf(nextDay) + issuedSuffix,
    issuer: prev.issuer,
    projects: [...kept, ...assignIds(drafts, counters)],
  };
}

/** Moves a project's status on, or revises its financing need; updatedAt falls in the new version's window. */
function changeProject(rng: Rng, p: SnapshotProject, window: Window): SnapshotProject {
  const lastUpdate = Math.max(dayOf(p.updatedAt) ?? window.from, dayOf(p.listedAt) ?? window.from);
  const from = Math.max(window.from, lastUpdate);
  const updatedAt = isoOf(from <= window.to ? rng.int(from, window.to) : from);

  let status: ProjectStatus = p.status;
  const r = rng.next();
  if (p.status === 'listed') status = r < 0.5 ? 'under_construction' : r < 0.6 ? 'withdrawn' : 'listed';
  else if (p.status === 'under_construction') status = r < 0.45 ? 'in_operation' : r < 0.5 ? 'withdrawn' : 'under_construction';
  else if (p.status === 'in_operation') status = r < 0.05 ? 'withdrawn' : 'in_operation';

  let need = p.financingNeedYuan;
  if (status === p.status) {
    need = roundNeed(rng, p.financingNeedYuan * rng.float(0.5, 1.3), p.totalInvestmentYuan);
    if (need === p.financingNeedYuan) {
      // Revise by 10万元, computed in fen so that two-decimal amounts stay exact.
      const needFen = Math.round(p.financingNeedYuan * 100);
      const totalFen = Math.round(p.totalInvestmentYuan * 100);
      const step = 10_000_000;
      need = yuanFromFen(needFen + step <= totalFen ? needFen + step : Math.max(0, needFen - step));
    }
    if (need === p.financingNeedYuan) status = 'withdrawn';
  } else if (status === 'in_operation' && rng.chance(0.5)) {
    need = roundNeed(rng, p.financingNeedYuan * rng.float(0.2, 0.8), p.totalInvestmentYuan);
  }
  return { ...p, expectedBenefits: { ...p.expectedBenefits }, status, financingNeedYuan: need, updatedAt };
}
