/** The check form's draft (text as typed), the check input built from it, and where each flag belongs on the form. */
import type { Output } from '../../shared/contract/methods.js';
import { isValidUscc } from '../../shared/domain/uscc.js';
import type { Purpose } from '../../shared/postloan/rules.js';
import { emptyRow, newRowKey, parseAmount, parseDate, rowToPayment, type PaymentRow } from './paste.js';

export type DueItem = Output<'loans.due'>['items'][number];
export type CheckResultView = Output<'checks.preview'>;
export type FlagView = CheckResultView['flags'][number];
export type Rating = 'green' | 'blue' | 'yellow' | 'red' | 'unrated';

export type LoanView = Output<'loans.get'>;

/** Loan terms as registered. */
export interface LoanTerms {
  agreedPurposes: Purpose[];
  relatedPartyUsccs: string[];
  cerf: boolean;
  thirdPartyVerified: boolean;
}

export interface Milestone { key: string; name: string; due: string; evidence: boolean }
export interface Violation { key: string; date: string; kind: string }

export interface CheckDraft {
  asOf: string;
  loanId: string;
  borrowerUscc: string;
  amountYuan: string;
  disbursedYuan: string;
  agreedPurposes: Purpose[];
  relatedParties: string;
  cerf: boolean;
  thirdPartyVerified: boolean;
  greenCategory?: string;
  projectId?: string;
  totalInvestment: string;
  otherFinancing: string;
  progress: string;
  milestones: Milestone[];
  expectedCarbon: string;
  actualCarbon: string;
  expectedWaste: string;
  actualWaste: string;
  envCredit: Rating | '';
  violations: Violation[];
  payments: PaymentRow[];
}

const yuanText = (fen: number) => String(Math.round(fen) / 100);

export function initialDraft(loan: DueItem, asOf: string, t?: LoanTerms): CheckDraft {
  return {
    asOf,
    loanId: loan.loanId,
    borrowerUscc: '',
    amountYuan: yuanText(loan.amountFen),
    disbursedYuan: yuanText(loan.disbursedFen),
    agreedPurposes: t?.agreedPurposes ?? [],
    relatedParties: (t?.relatedPartyUsccs ?? []).join('\n'),
    cerf: t?.cerf ?? false,
    thirdPartyVerified: t?.thirdPartyVerified ?? false,
    totalInvestment: '',
    otherFinancing: '',
    progress: '',
    milestones: [],
    expectedCarbon: '',
    actualCarbon: '',
    expectedWaste: '',
    actualWaste: '',
    envCredit: '',
    violations: [],
    payments: [emptyRow('P1')],
  };
}

const str = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/**
 * The draft filled from the loan as registered (its terms, borrower, project) and from its last check (the
 * project's figures, milestones, expected benefits and credit rating carry on; payments are this check's own).
 * Whatever the officer already typed is kept.
 */
export function draftFromLoan(d: CheckDraft, loan: LoanView): CheckDraft {
  const last = (loan.lastCheck?.input ?? {}) as {
    project?: { totalInvestmentYuan?: number; otherFinancingYuan?: number; physicalProgressPct?: number; milestones?: { name: string; due: string; evidence: boolean }[] };
    benefits?: { expectedCarbonReductionT?: number; expectedWasteUtilizedT?: number };
    envCredit?: { rating?: Rating };
  };
  const p = last.project ?? {};
  const b = last.benefits ?? {};
  return {
    ...d,
    borrowerUscc: d.borrowerUscc || loan.borrowerUscc,
    amountYuan: yuanText(loan.amountFen),
    disbursedYuan: yuanText(loan.disbursedFen),
    agreedPurposes: d.agreedPurposes.length ? d.agreedPurposes : loan.agreedPurposes,
    relatedParties: d.relatedParties || loan.relatedPartyUsccs.join('\n'),
    cerf: d.cerf || loan.cerf,
    thirdPartyVerified: d.thirdPartyVerified || loan.thirdPartyVerified,
    ...(loan.greenCategory ? { greenCategory: d.greenCategory ?? loan.greenCategory } : {}),
    ...(loan.projectId ? { projectId: d.projectId ?? loan.projectId } : {}),
    totalInvestment: d.totalInvestment || str(p.totalInvestmentYuan),
    otherFinancing: d.otherFinancing || str(p.otherFinancingYuan),
    progress: d.progress || str(p.physicalProgressPct),
    milestones: d.milestones.length ? d.milestones : (p.milestones ?? []).map((m) => ({ key: newRowKey(), name: m.name, due: m.due, evidence: m.evidence })),
    expectedCarbon: d.expectedCarbon || str(b.expectedCarbonReductionT),
    expectedWaste: d.expectedWaste || str(b.expectedWasteUtilizedT),
    envCredit: d.envCredit || last.envCredit?.rating || '',
  };
}

export const newMilestone = (): Milestone => ({ key: newRowKey(), name: '', due: '', evidence: false });
export const newViolation = (): Violation => ({ key: newRowKey(), date: '', kind: '' });

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : (parseAmount(s) ?? undefined));
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function relatedList(text: string): string[] {
  return text.split(/[\s,，;；]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
}

/** The check input (PRODUCT.md) from the draft: incomplete payment and milestone rows are left out until complete. */
export function buildInput(d: CheckDraft): unknown {
  const benefits = defined({
    expectedCarbonReductionT: num(d.expectedCarbon),
    actualCarbonReductionT: num(d.actualCarbon),
    expectedWasteUtilizedT: num(d.expectedWaste),
    actualWasteUtilizedT: num(d.actualWaste),
  });
  const progress = d.progress.trim() === '' ? undefined : Number(d.progress);
  return {
    asOf: d.asOf,
    loan: defined({
      id: d.loanId,
      borrowerUscc: d.borrowerUscc.trim().toUpperCase(),
      amountYuan: num(d.amountYuan) ?? 0,
      disbursedYuan: num(d.disbursedYuan) ?? 0,
      agreedPurposes: d.agreedPurposes,
      greenCategory: d.greenCategory,
      cerf: d.cerf,
      thirdPartyVerified: d.thirdPartyVerified,
      relatedPartyUsccs: relatedList(d.relatedParties).filter(isValidUscc),
      projectId: d.projectId,
    }),
    project: defined({
      totalInvestmentYuan: num(d.totalInvestment),
      otherFinancingYuan: num(d.otherFinancing),
      physicalProgressPct: progress !== undefined && Number.isFinite(progress) && progress >= 0 && progress <= 100 ? progress : undefined,
      milestones: d.milestones.filter((m) => m.name.trim() && parseDate(m.due)).map((m) => ({ name: m.name.trim(), due: parseDate(m.due)!, evidence: m.evidence })),
    }),
    payments: d.payments.map(rowToPayment).filter((p) => p !== null),
    ...(Object.keys(benefits).length ? { benefits } : {}),
    ...(d.envCredit ? { envCredit: { rating: d.envCredit } } : {}),
    newViolations: d.violations.filter((v) => parseDate(v.date) && v.kind.trim()).map((v) => ({ date: parseDate(v.date)!, kind: v.kind.trim() })),
  };
}

/** Form fields a flag can point at (besides payment rows and milestones). */
export type FlagField = 'totalInvestment' | 'progress' | 'actualCarbon' | 'actualWaste' | 'envCredit' | 'verified' | 'loan';

export interface FlagTarget { payments: string[]; milestone?: string; field?: FlagField }

export function flagTarget(f: FlagView): FlagTarget {
  const e = f.evidence;
  const payments = typeof e.paymentId === 'string' ? [e.paymentId] : Array.isArray(e.paymentIds) ? e.paymentIds.filter((x): x is string => typeof x === 'string') : [];
  switch (f.code) {
    case 'OVER_FINANCING':
      return { payments, field: 'totalInvestment' };
    case 'DRAWDOWN_AHEAD_OF_PROGRESS':
      return { payments, field: 'progress' };
    case 'MILESTONE_NO_EVIDENCE':
      return { payments, milestone: typeof e.milestone === 'string' ? e.milestone : undefined };
    case 'BENEFIT_SHORTFALL':
      return { payments, field: e.metric === 'waste' ? 'actualWaste' : 'actualCarbon' };
    case 'ENV_CREDIT_DOWNGRADE':
      return { payments, field: 'envCredit' };
    case 'CERF_UNVERIFIED':
      return { payments, field: 'verified' };
    case 'PROJECT_WITHDRAWN':
    case 'STALE_LIBRARY':
      return { payments, field: 'loan' };
    default:
      return { payments };
  }
}

export const SEVERITY_COLORS = { high: 'red', medium: 'orange', low: 'blue' } as const;
export const VERDICT_COLORS: Record<string, string> = { suspected_misuse: 'red', needs_rectification: 'orange', compliant: 'green', unchecked: 'default' };
