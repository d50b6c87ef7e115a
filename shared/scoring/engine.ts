/**
 * The differentiated green-pricing engine: pure, generic over a scoring model document. Order of evaluation
 * (DOMAIN.md): points → score → band by score → blocks (band E) → caps (a better band becomes the cap) → pricing
 * and credit line from the final band. Every factor carries its points, maximum and a plain-Chinese reason.
 */
import { CATEGORY_NAMES_ZH, STATUS_NAMES_ZH, type ProjectStatus } from '../domain/jiangmen.js';
import { withinMonths } from './dates.js';
import type { ScoreInput } from './input.js';
import { BANDS, factorMaxima, type Band, type ScoringModel } from './model.js';

/** What the local library says of the loan's linked project (resolved by the caller). */
export type LinkedProject = { found: false } | { found: true; status: ProjectStatus; name: string; libraryVersion: number };

export interface Factor {
  code: 'A1' | 'A2' | 'B1' | 'B2' | 'B3' | 'C' | 'D';
  points: number;
  max: number;
  detail: string;
}

export interface Explanation {
  code: string;
  kind: 'block' | 'cap';
  detail: string;
}

export interface Pricing {
  lprBps: number;
  riskSpreadBps: number;
  bandAdjustmentBps: number;
  libraryAdjustmentBps: number;
  floorApplied: boolean;
  finalRateBps: number;
}

export interface ScoreResult {
  model: string;
  score: number;
  band: Band;
  /** The band the score alone gives, before blocks and caps. */
  bandByScore: Band;
  eligible: boolean;
  blocks: string[];
  caps: string[];
  dimensions: { carbon: number; waste: number; envCredit: number; projectMatch: number };
  factors: Factor[];
  explanations: Explanation[];
  pricing: Pricing | null;
  creditLineFactor: number;
  cerf: { eligible: boolean; annualReductionT: number | null };
}

/** Rounds away binary noise so that 0.9 / 1.5 compares as exactly 0.6. */
const clean = (x: number) => Math.round(x * 1e9) / 1e9;
const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number, digits = 2) => String(Number(x.toFixed(digits)));
const pctText = (x: number) => `${fmt(x * 100, 1)}%`;

const RATING_ZH = { green: '绿牌（环保诚信）', blue: '蓝牌（环保良好）', yellow: '黄牌（环保警示）', red: '红牌（环保不良）', unrated: '未评级' } as const;

export function startsWithAny(code: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((p) => code.startsWith(p));
}

function bandOf(score: number, m: ScoringModel): Band {
  if (score >= m.bands.A) return 'A';
  if (score >= m.bands.B) return 'B';
  if (score >= m.bands.C) return 'C';
  if (score >= m.bands.D) return 'D';
  return 'E';
}

const worse = (a: Band, b: Band): Band => (BANDS.indexOf(a) >= BANDS.indexOf(b) ? a : b);

function carbonFactors(input: ScoreInput, m: ScoringModel, max: ReturnType<typeof factorMaxima>): Factor[] {
  const c = input.carbon;
  let a1: Factor;
  if (!c || c.intensity === undefined || c.industryAverage === undefined || c.industryAverage <= 0) {
    a1 = { code: 'A1', points: m.carbon.noDataPoints, max: max.A1, detail: '未提供碳排放强度或行业平均强度，无法评定碳效等级' };
  } else {
    const k = clean(c.intensity / c.industryAverage);
    const grade = m.carbon.gradeThresholds.findIndex((g) => k <= g.maxK);
    const points = grade >= 0 ? m.carbon.gradeThresholds[grade]!.points : m.carbon.aboveLastPoints;
    const level = grade >= 0 ? grade + 1 : m.carbon.gradeThresholds.length + 1;
    a1 = {
      code: 'A1',
      points,
      max: max.A1,
      detail: `碳排放强度 ${fmt(c.intensity, 4)} 吨CO₂/万元，为行业平均 ${fmt(c.industryAverage, 4)} 的 ${fmt(k, 3)} 倍（K 值），碳效等级 ${level} 级`,
    };
  }
  let a2: Factor;
  if (!c || c.intensity === undefined || c.previousIntensity === undefined || c.previousIntensity <= 0) {
    a2 = { code: 'A2', points: m.carbon.yoy.noDataPoints, max: max.A2, detail: '缺少上年碳排放强度，无法评价同比变化' };
  } else {
    const change = clean((c.intensity - c.previousIntensity) / c.previousIntensity);
    const y = m.carbon.yoy;
    const points = clean(change * 100) <= y.strongDropPct ? y.strongPoints : change <= 0 ? y.dropPoints : y.risePoints;
    const how = change < 0 ? `下降 ${pctText(-change)}` : change === 0 ? '持平' : `上升 ${pctText(change)}`;
    a2 = { code: 'A2', points, max: max.A2, detail: `碳排放强度同比${how}（上年 ${fmt(c.previousIntensity, 4)}）` };
  }
  return [a1, a2];
}

function wasteFactors(input: ScoreInput, m: ScoringModel, max: ReturnType<typeof factorMaxima>): { factors: Factor[]; unlicensed: boolean } {
  const w = input.waste;
  if (!w) {
    const none = '未提供固体废物数据，本维度计 0 分';
    return {
      factors: [
        { code: 'B1', points: 0, max: max.B1, detail: none },
        { code: 'B2', points: 0, max: max.B2, detail: none },
        { code: 'B3', points: 0, max: max.B3, detail: none },
      ],
      unlicensed: false,
    };
  }
  const u = m.waste.utilisation;
  let b1: Factor;
  const denominator = (w.generatedT ?? 0) + (w.stockpileUtilizedT ?? 0);
  if (w.generatedT === undefined || w.utilizedT === undefined || denominator <= 0) {
    b1 = { code: 'B1', points: u.noDataPoints, max: max.B1, detail: '缺少固废产生量或综合利用量，无法计算综合利用率' };
  } else {
    const rate = clean(w.utilizedT / denominator);
    const bench = startsWithAny(input.applicant.industryCode, u.benchmarks.map((b) => b.prefix));
    const benchmark = bench ? u.benchmarks.find((b) => b.prefix === bench)!.pct : u.defaultBenchmarkPct;
    const ratePct = clean(rate * 100);
    const points = ratePct >= benchmark + u.highMarginPct ? u.highPoints : ratePct >= benchmark ? u.meetPoints : u.belowPoints;
    const vs = ratePct >= benchmark + u.highMarginPct ? `高于基准 ${u.highMarginPct} 个百分点以上` : ratePct >= benchmark ? '达到基准' : '低于基准';
    b1 = { code: 'B1', points, max: max.B1, detail: `固废综合利用率 ${fmt(ratePct, 1)}%（基准 ${benchmark}%），${vs}` };
  }
  const h = m.waste.hazardous;
  let b2: Factor;
  let unlicensed = false;
  if (!w.hazardous || w.hazardous.generatedT === 0) {
    b2 = { code: 'B2', points: h.nonePoints, max: max.B2, detail: '不产生危险废物' };
  } else if (!w.hazardous.licensedDisposal) {
    unlicensed = true;
    b2 = { code: 'B2', points: h.unlicensedPoints, max: max.B2, detail: `产生危险废物 ${fmt(w.hazardous.generatedT)} 吨，未交由持证单位处置` };
  } else if (w.hazardous.manifestsComplete && w.hazardous.ledgerComplete) {
    b2 = { code: 'B2', points: h.compliantPoints, max: max.B2, detail: '危险废物由持证单位处置，转移联单和管理台账齐全' };
  } else {
    const missing = [!w.hazardous.manifestsComplete ? '转移联单' : '', !w.hazardous.ledgerComplete ? '管理台账' : ''].filter(Boolean).join('和');
    b2 = { code: 'B2', points: h.incompletePoints, max: max.B2, detail: `危险废物由持证单位处置，但${missing}不齐全` };
  }
  let b3: Factor;
  if (w.intensity !== undefined && w.previousIntensity !== undefined && w.intensity < w.previousIntensity) {
    b3 = { code: 'B3', points: m.waste.intensityDropPoints, max: max.B3, detail: `固废产生强度由 ${fmt(w.previousIntensity, 4)} 降至 ${fmt(w.intensity, 4)} 吨/万元` };
  } else if (w.intensity === undefined || w.previousIntensity === undefined) {
    b3 = { code: 'B3', points: 0, max: max.B3, detail: '缺少本年或上年固废产生强度' };
  } else {
    b3 = { code: 'B3', points: 0, max: max.B3, detail: `固废产生强度未下降（本年 ${fmt(w.intensity, 4)}，上年 ${fmt(w.previousIntensity, 4)} 吨/万元）` };
  }
  return { factors: [b1, b2, b3], unlicensed };
}

function hasPlan(input: ScoreInput): boolean {
  return (input.transitionPlan?.kpis.length ?? 0) > 0;
}

function projectFactor(input: ScoreInput, project: LinkedProject | null, m: ScoringModel, max: ReturnType<typeof factorMaxima>, highCarbon: boolean) {
  const p = m.projectMatch;
  // The caller's project only counts when the loan names one.
  const listed = input.loan.projectId !== undefined && project !== null && project.found && project.status !== 'withdrawn';
  let missingNote = '';
  if (input.loan.projectId) {
    if (!project || !project.found) missingNote = `关联项目 ${input.loan.projectId} 不在本地项目库中，不计为入库项目；`;
    else if (project.status === 'withdrawn') missingNote = `关联项目 ${input.loan.projectId} 已${STATUS_NAMES_ZH.withdrawn}，不计为入库项目；`;
  }
  if (listed && project?.found) {
    return { listed, factor: { code: 'D' as const, points: p.listed, max: max.D, detail: `关联项目“${project.name}”在本地项目库（版本 ${project.libraryVersion}）中，状态：${STATUS_NAMES_ZH[project.status]}` } };
  }
  if (input.loan.greenCategory) {
    return { listed, factor: { code: 'D' as const, points: p.greenCategory, max: max.D, detail: `${missingNote}贷款投向绿色产业：${CATEGORY_NAMES_ZH[input.loan.greenCategory]}` } };
  }
  if (highCarbon && hasPlan(input)) {
    return { listed, factor: { code: 'D' as const, points: p.transitionPlan, max: max.D, detail: `${missingNote}高碳行业企业，已制定含 ${input.transitionPlan!.kpis.length} 项指标的转型计划` } };
  }
  return { listed, factor: { code: 'D' as const, points: p.none, max: max.D, detail: `${missingNote}未关联入库项目，也未注明绿色产业投向${highCarbon ? '或转型计划' : ''}` } };
}

/** The LPR entry in force on a date: the latest whose `from` is on or before it (the first one before all). */
export function lprOn(m: ScoringModel, asOf: string) {
  let entry = m.pricing.lpr[0]!;
  for (const l of m.pricing.lpr) if (l.from <= asOf) entry = l;
  return entry;
}

export function scoreApplicant(input: ScoreInput, model: ScoringModel, project: LinkedProject | null = null): ScoreResult {
  const max = factorMaxima(model);
  const highCarbonPrefix = startsWithAny(input.applicant.industryCode, model.highCarbonPrefixes);
  const highCarbon = highCarbonPrefix !== undefined;

  // 1. Points.
  const carbon = carbonFactors(input, model, max);
  const waste = wasteFactors(input, model, max);
  const rating = input.envCredit?.rating ?? 'unrated';
  const c: Factor = {
    code: 'C',
    points: model.envCredit[rating],
    max: max.C,
    detail: input.envCredit ? `环境信用评价：${RATING_ZH[rating]}${input.envCredit.year ? `（${input.envCredit.year} 年度）` : ''}` : '未提供环境信用评价结果，按未评级计',
  };
  const d = projectFactor(input, project, model, max, highCarbon);
  const factors = [...carbon, ...waste.factors, c, d.factor];
  const sum = (codes: string[]) => factors.filter((f) => codes.includes(f.code)).reduce((s, f) => s + f.points, 0);
  const dimensions = { carbon: sum(['A1', 'A2']), waste: sum(['B1', 'B2', 'B3']), envCredit: c.points, projectMatch: d.factor.points };

  // 2. Score and 3. band by the exact sum.
  const exact = dimensions.carbon + dimensions.waste + dimensions.envCredit + dimensions.projectMatch;
  const bandByScore = bandOf(exact, model);

  // 4. Blocks.
  const explanations: Explanation[] = [];
  const block = (code: string, detail: string) => explanations.push({ code, kind: 'block', detail });
  if (rating === 'red') block('ENV_CREDIT_RED', '环境信用评价为红牌（环保不良）：不得新增授信');
  const serious = (input.violations ?? []).filter(
    (v) =>
      withinMonths(v.date, input.asOf, model.blocks.seriousViolationMonths) &&
      (v.kind === 'production_halt' || v.kind === 'police_referral' || (v.kind === 'fine' && (v.amountYuan ?? 0) >= model.blocks.seriousFineYuan)),
  );
  if (serious.length) {
    const what = serious.map((v) => `${v.date} ${v.kind === 'production_halt' ? '责令停产整治' : v.kind === 'police_referral' ? '移送公安机关' : `罚款 ${fmt(v.amountYuan ?? 0)} 元`}`).join('；');
    block('RECENT_SERIOUS_VIOLATION', `近 ${model.blocks.seriousViolationMonths} 个月内有严重环境违法：${what}`);
  }
  const approval = (input.violations ?? []).filter(
    (v) => (v.kind === 'build_before_approval' || v.kind === 'operate_before_acceptance') && withinMonths(v.date, input.asOf, model.blocks.approvalViolationMonths),
  );
  if (approval.length) {
    const what = approval.map((v) => `${v.date} ${v.kind === 'build_before_approval' ? '未批先建' : '未验先投'}`).join('；');
    block('APPROVAL_VIOLATION', `近 ${model.blocks.approvalViolationMonths} 个月内有环评审批违法：${what}`);
  }
  if (waste.unlicensed) block('UNLICENSED_HAZARDOUS_WASTE', '产生危险废物且未交由持证单位处置');
  const negative = startsWithAny(input.applicant.industryCode, model.negativeListPrefixes);
  if (negative) block('NEGATIVE_LIST_INDUSTRY', `行业代码 ${input.applicant.industryCode} 属于准入负面清单（${negative}）`);
  const blocks = explanations.map((e) => e.code);

  // 5. Caps: every cap whose condition holds is listed; the band only ever gets worse.
  const caps: string[] = [];
  let band: Band = blocks.length ? 'E' : bandByScore;
  const cap = (code: string, to: Band, detail: string) => {
    caps.push(code);
    explanations.push({ code, kind: 'cap', detail });
    band = worse(band, to);
  };
  if (highCarbon && !hasPlan(input)) {
    cap('HIGH_CARBON_NO_PLAN', model.caps.highCarbonNoPlan, `高碳行业（${highCarbonPrefix}）且无含指标的转型计划：评级最高为 ${model.caps.highCarbonNoPlan}（制定转型计划可解除此限制）`);
  }
  const dq = input.carbon?.dataQuality ?? 5;
  if (dq === 4) cap('DATA_QUALITY_4', model.caps.dataQuality4, `碳排放数据质量为 4 级：评级最高为 ${model.caps.dataQuality4}`);
  if (dq === 5) {
    const why = input.carbon ? '碳排放数据质量为 5 级' : '未提供碳排放数据（按数据质量 5 级计）';
    cap('DATA_QUALITY_5', model.caps.dataQuality5, `${why}：评级最高为 ${model.caps.dataQuality5}`);
  }

  // 6. Pricing and credit line from the final band.
  const eligible = band !== 'E';
  let pricing: Pricing | null = null;
  if (eligible) {
    const lpr = lprOn(model, input.asOf);
    const lprBps = input.loan.termMonths > model.pricing.fiveYearAboveMonths ? lpr.fiveYearBps : lpr.oneYearBps;
    const bandAdjustmentBps = model.pricing.bandAdjustmentBps[band as Exclude<Band, 'E'>];
    const libraryAdjustmentBps = d.listed ? model.pricing.libraryAdjustmentBps : 0;
    const raw = lprBps + input.loan.riskSpreadBps + bandAdjustmentBps + libraryAdjustmentBps;
    const floor = lprBps - model.pricing.floorBelowLprBps;
    pricing = { lprBps, riskSpreadBps: input.loan.riskSpreadBps, bandAdjustmentBps, libraryAdjustmentBps, floorApplied: raw < floor, finalRateBps: Math.max(raw, floor) };
  }
  const verified = input.carbon?.verifiedReductionT;
  const cerfArea = input.loan.greenCategory !== undefined && model.cerf.categories.includes(input.loan.greenCategory);
  const cerfEligible = eligible && cerfArea && verified !== undefined && verified > 0;
  return {
    model: model.id,
    score: oneDecimal(exact),
    band,
    bandByScore,
    eligible,
    blocks,
    caps,
    dimensions,
    factors,
    explanations,
    pricing,
    creditLineFactor: model.creditLineFactor[band],
    cerf: { eligible: cerfEligible, annualReductionT: cerfEligible ? verified! : null },
  };
}
