/**
 * The application form as the officer fills it (numbers may be empty, blocks switched off), and its two readings:
 * a lenient one for the live score (never throws, whatever is half-typed), and the strict score input that is saved
 * (validated by the contract's schema; every problem names the field and the step it is on).
 */
import type { District, GreenCategory } from '../../shared/domain/jiangmen.js';
import { industryCodeProblem } from '../../shared/domain/industry.js';
import { usccProblem } from '../../shared/domain/uscc.js';
import { isValidIsoDate } from '../../shared/domain/project-validate.js';
import { scoreInputSchema, type EnvCreditRating, type ScoreInput, type ViolationKind } from '../../shared/scoring/input.js';

type N = number | null;

export interface FormViolation {
  key: string;
  date: string;
  kind: ViolationKind | null;
  amountYuan: N;
}

export interface FormKpi {
  key: string;
  name: string;
  target: string;
  due: string;
}

export interface ApplicationFormValues {
  asOf: string;
  applicant: { name: string; uscc: string; district: District | null; industryCode: string };
  loan: { amountWan: N; termMonths: N; riskSpreadBps: N; greenCategory: GreenCategory | null; projectId: string };
  carbonOn: boolean;
  carbon: { intensity: N; industryAverage: N; previousIntensity: N; dataQuality: N; annualEmissionsT: N; verifiedReductionT: N };
  wasteOn: boolean;
  waste: { generatedT: N; utilizedT: N; stockpileUtilizedT: N; intensity: N; previousIntensity: N };
  hazardousOn: boolean;
  hazardous: { generatedT: N; licensedDisposal: boolean; manifestsComplete: boolean; ledgerComplete: boolean };
  envCredit: { rating: EnvCreditRating | null; year: N };
  violations: FormViolation[];
  kpis: FormKpi[];
}

/** The steps of the guided form, in order. */
export const STEPS = ['enterprise', 'loan', 'carbon', 'waste', 'envCredit', 'result'] as const;
export type StepKey = (typeof STEPS)[number];

let keySeq = 0;
export function newKey(): string {
  keySeq += 1;
  return `k${keySeq}`;
}

export function emptyForm(asOf: string): ApplicationFormValues {
  return {
    asOf,
    applicant: { name: '', uscc: '', district: null, industryCode: '' },
    loan: { amountWan: null, termMonths: 36, riskSpreadBps: null, greenCategory: null, projectId: '' },
    carbonOn: true,
    carbon: { intensity: null, industryAverage: null, previousIntensity: null, dataQuality: null, annualEmissionsT: null, verifiedReductionT: null },
    wasteOn: true,
    waste: { generatedT: null, utilizedT: null, stockpileUtilizedT: null, intensity: null, previousIntensity: null },
    hazardousOn: false,
    hazardous: { generatedT: null, licensedDisposal: true, manifestsComplete: true, ledgerComplete: true },
    envCredit: { rating: null, year: Number(asOf.slice(0, 4)) - 1 || null },
    violations: [],
    kpis: [],
  };
}

const n = (v: number | undefined): N => (v === undefined ? null : v);

/** 万元 → 元 with at most two decimals (1 万元 = 10,000 元). */
export function wanToYuan(wan: number): number {
  return Math.round(wan * 1_000_000) / 100;
}

export function yuanToWan(yuan: number): number {
  return Math.round(yuan * 100) / 1_000_000;
}

/** A saved application's input, back into the form (for editing a draft). */
export function formFromInput(input: ScoreInput): ApplicationFormValues {
  const base = emptyForm(input.asOf);
  return {
    asOf: input.asOf,
    applicant: { ...input.applicant },
    loan: {
      amountWan: yuanToWan(input.loan.amountYuan),
      termMonths: input.loan.termMonths,
      riskSpreadBps: input.loan.riskSpreadBps,
      greenCategory: input.loan.greenCategory ?? null,
      projectId: input.loan.projectId ?? '',
    },
    carbonOn: input.carbon !== undefined,
    carbon: input.carbon
      ? {
          intensity: n(input.carbon.intensity),
          industryAverage: n(input.carbon.industryAverage),
          previousIntensity: n(input.carbon.previousIntensity),
          dataQuality: input.carbon.dataQuality,
          annualEmissionsT: n(input.carbon.annualEmissionsT),
          verifiedReductionT: n(input.carbon.verifiedReductionT),
        }
      : base.carbon,
    wasteOn: input.waste !== undefined,
    waste: input.waste
      ? {
          generatedT: n(input.waste.generatedT),
          utilizedT: n(input.waste.utilizedT),
          stockpileUtilizedT: n(input.waste.stockpileUtilizedT),
          intensity: n(input.waste.intensity),
          previousIntensity: n(input.waste.previousIntensity),
        }
      : base.waste,
    hazardousOn: input.waste?.hazardous !== undefined,
    hazardous: input.waste?.hazardous ? { ...input.waste.hazardous } : base.hazardous,
    envCredit: input.envCredit ? { rating: input.envCredit.rating, year: n(input.envCredit.year) } : { rating: null, year: base.envCredit.year },
    violations: (input.violations ?? []).map((v) => ({ key: newKey(), date: v.date, kind: v.kind, amountYuan: n(v.amountYuan) })),
    kpis: (input.transitionPlan?.kpis ?? []).map((k) => ({ key: newKey(), ...k })),
  };
}

/** What the officer types in a code box: upper case, no spaces. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}

/**
 * The input the live score panel runs the engine on: whatever is filled in, with neutral stand-ins where a required
 * field is still empty (no amount → 0, no term → 12 months, no spread → 0 bp). Never throws.
 */
export function liveInput(f: ApplicationFormValues): ScoreInput {
  const input: ScoreInput = {
    asOf: isValidIsoDate(f.asOf) ? f.asOf : new Date().toISOString().slice(0, 10),
    applicant: { name: f.applicant.name, uscc: f.applicant.uscc, district: f.applicant.district ?? '蓬江区', industryCode: normaliseCode(f.applicant.industryCode) },
    loan: {
      amountYuan: f.loan.amountWan !== null ? wanToYuan(f.loan.amountWan) : 0,
      termMonths: f.loan.termMonths ?? 12,
      riskSpreadBps: f.loan.riskSpreadBps ?? 0,
      ...(f.loan.greenCategory ? { greenCategory: f.loan.greenCategory } : {}),
      ...(f.loan.projectId.trim() ? { projectId: f.loan.projectId.trim() } : {}),
    },
  };
  if (f.carbonOn) {
    const { dataQuality, ...rest } = f.carbon;
    input.carbon = { ...(defined(rest) as Omit<NonNullable<ScoreInput['carbon']>, 'dataQuality'>), dataQuality: dataQuality ?? 5 };
  }
  if (f.wasteOn) {
    input.waste = defined(f.waste) as NonNullable<ScoreInput['waste']>;
    if (f.hazardousOn) input.waste.hazardous = { ...f.hazardous, generatedT: f.hazardous.generatedT ?? 0 };
  }
  if (f.envCredit.rating) input.envCredit = { rating: f.envCredit.rating, ...(f.envCredit.year !== null ? { year: f.envCredit.year } : {}) };
  const violations = f.violations.filter((v) => v.kind && isValidIsoDate(v.date));
  if (violations.length) {
    input.violations = violations.map((v) => ({ date: v.date, kind: v.kind!, ...(v.amountYuan !== null ? { amountYuan: v.amountYuan } : {}) }));
  }
  const kpis = f.kpis.filter((k) => k.name.trim());
  if (kpis.length) input.transitionPlan = { kpis: kpis.map((k) => ({ name: k.name.trim(), target: k.target, due: k.due })) };
  return input;
}

/** A problem with one field: its path in the score input (e.g. 'applicant.uscc') and a stable code. */
export interface FieldProblem {
  path: string;
  code: string;
}

/** The step a field path belongs to. */
export function stepOfPath(path: string): number {
  if (path.startsWith('applicant')) return 0;
  if (path.startsWith('loan')) return 1;
  if (path.startsWith('carbon')) return 2;
  if (path.startsWith('waste')) return 3;
  return 4;
}

/**
 * Problems with what is typed so far: wrong values always, empty required fields only when `required` (after the
 * officer tried to save). Keyed by path.
 */
export function fieldProblems(f: ApplicationFormValues, required: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const need = (path: string, empty: boolean) => {
    if (required && empty) out[path] = 'REQUIRED';
  };
  need('applicant.name', !f.applicant.name.trim());
  const uscc = normaliseCode(f.applicant.uscc);
  if (uscc) {
    const p = usccProblem(uscc);
    if (p) out['applicant.uscc'] = p;
  } else need('applicant.uscc', true);
  need('applicant.district', f.applicant.district === null);
  const industry = normaliseCode(f.applicant.industryCode);
  if (industry) {
    const p = industryCodeProblem(industry);
    if (p) out['applicant.industryCode'] = p;
  } else need('applicant.industryCode', true);
  if (f.loan.amountWan !== null && !(f.loan.amountWan > 0)) out['loan.amountYuan'] = 'POSITIVE';
  else need('loan.amountYuan', f.loan.amountWan === null);
  need('loan.termMonths', f.loan.termMonths === null);
  need('loan.riskSpreadBps', f.loan.riskSpreadBps === null);
  if (f.carbonOn) need('carbon.dataQuality', f.carbon.dataQuality === null);
  if (f.wasteOn && f.waste.generatedT !== null && f.waste.utilizedT !== null && f.waste.utilizedT > f.waste.generatedT + (f.waste.stockpileUtilizedT ?? 0)) {
    out['waste.utilizedT'] = 'UTILISED_OVER_GENERATED';
  }
  if (f.wasteOn && f.hazardousOn) need('waste.hazardous.generatedT', f.hazardous.generatedT === null);
  f.violations.forEach((v, i) => {
    if (v.date && !isValidIsoDate(v.date)) out[`violations.${i}.date`] = 'BAD_DATE';
    else need(`violations.${i}.date`, !v.date);
    need(`violations.${i}.kind`, v.kind === null);
  });
  f.kpis.forEach((k, i) => {
    need(`transitionPlan.kpis.${i}.name`, !k.name.trim());
    if (k.due && !isValidIsoDate(k.due)) out[`transitionPlan.kpis.${i}.due`] = 'BAD_DATE';
    else need(`transitionPlan.kpis.${i}.due`, !k.due);
  });
  return out;
}

/** The input to save, or the problems that stop it (first field first, in step order). */
export function buildInput(f: ApplicationFormValues): { ok: true; input: ScoreInput } | { ok: false; problems: FieldProblem[] } {
  const problems = Object.entries(fieldProblems(f, true)).map(([path, code]) => ({ path, code }));
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => stepOfPath(a.path) - stepOfPath(b.path)) };
  const live = liveInput(f);
  const candidate: ScoreInput = {
    ...live,
    applicant: { name: f.applicant.name.trim(), uscc: normaliseCode(f.applicant.uscc), district: f.applicant.district!, industryCode: normaliseCode(f.applicant.industryCode) },
  };
  if (f.carbonOn) candidate.carbon = { ...candidate.carbon!, dataQuality: f.carbon.dataQuality! };
  const parsed = scoreInputSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: /^[A-Z][A-Z0-9_]+$/.test(i.message) ? i.message : 'INVALID' })),
    };
  }
  return { ok: true, input: parsed.data };
}
