/**
 * The post-loan rules engine: pure, generic over a rules document. One flag per offending payment (per invoice
 * number for DUPLICATE_INVOICE, per milestone for MILESTONE_NO_EVIDENCE), each with its evidence; the verdict,
 * the recommended actions and the next check date follow from the flags' severities.
 */
import { STATUS_NAMES_ZH } from '../domain/jiangmen.js';
import { addDays } from '../scoring/dates.js';
import type { CheckInput, Payment } from './input.js';
import type { ActionCode, PostloanRules, Purpose, Severity } from './rules.js';

export type FlagCode =
  | 'PROHIBITED_USE' | 'PAYEE_RELATED_OR_PERSONAL' | 'PURPOSE_MISMATCH' | 'DUPLICATE_INVOICE' | 'OVER_FINANCING'
  | 'DRAWDOWN_AHEAD_OF_PROGRESS' | 'MILESTONE_NO_EVIDENCE' | 'BENEFIT_SHORTFALL' | 'ENV_CREDIT_DOWNGRADE'
  | 'PROJECT_WITHDRAWN' | 'STALE_LIBRARY' | 'CERF_UNVERIFIED' | 'MISSING_EVIDENCE';

export interface Flag {
  code: FlagCode;
  severity: Severity;
  message: string;
  /** What was found: the payment, the figure and the threshold it broke. */
  evidence: Record<string, string | number | boolean | string[] | null>;
}

export type Verdict = 'suspected_misuse' | 'needs_rectification' | 'compliant';

export interface CheckResult {
  model: string;
  verdict: Verdict;
  flags: Flag[];
  actions: ActionCode[];
  nextCheckDue: string;
}

/** Invoice numbers already used by payments of other loans in the local database. */
export type OtherInvoices = ReadonlyMap<string, readonly { loanId: string; paymentId: string }[]>;

export const PURPOSE_NAMES_ZH: Record<Purpose, string> = {
  equipment: '设备购置', construction: '工程建设', raw_materials: '原材料采购', technology: '技术研发', wages: '人员工资',
  operations: '日常经营', real_estate: '房地产', securities: '证券投资', wealth_management: '理财产品', dividends: '分红派息',
  equity_investment: '股权投资', private_lending: '民间借贷', repay_debt: '偿还其他债务', other: '其他',
};

const yuan = (v: number) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
const round1 = (x: number) => Math.round(x * 10) / 10;
const normInvoice = (s: string) => s.trim().toUpperCase();

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function paymentFlags(c: CheckInput, r: PostloanRules, flags: Flag[]): void {
  const agreed = new Set(c.loan.agreedPurposes);
  const prohibited = new Set<Purpose>(r.prohibitedPurposes);
  const related = new Set(c.loan.relatedPartyUsccs);
  const ev = (p: Payment) => ({ paymentId: p.id, date: p.date, amountYuan: p.amountYuan, payeeName: p.payeeName });
  for (const p of c.payments) {
    const isProhibited = prohibited.has(p.purpose) && !agreed.has(p.purpose);
    if (isProhibited) {
      flags.push({
        code: 'PROHIBITED_USE', severity: r.severities.PROHIBITED_USE,
        message: `支付 ${p.id} 用于“${PURPOSE_NAMES_ZH[p.purpose]}”（${yuan(p.amountYuan)}），属于绿色贷款禁止用途`,
        evidence: { ...ev(p), purpose: p.purpose },
      });
    } else if (!agreed.has(p.purpose)) {
      flags.push({
        code: 'PURPOSE_MISMATCH', severity: r.severities.PURPOSE_MISMATCH,
        message: `支付 ${p.id} 的用途“${PURPOSE_NAMES_ZH[p.purpose]}”不在约定用途（${c.loan.agreedPurposes.map((a) => PURPOSE_NAMES_ZH[a]).join('、')}）之内`,
        evidence: { ...ev(p), purpose: p.purpose, agreedPurposes: [...c.loan.agreedPurposes] },
      });
    }
    const self = p.payeeUscc !== undefined && p.payeeUscc === c.loan.borrowerUscc;
    const isRelated = p.payeeUscc !== undefined && related.has(p.payeeUscc);
    if (self || isRelated || p.payeeAccount === 'personal') {
      const who = self ? '借款人自身' : isRelated ? '借款人申报的关联方' : '个人账户';
      flags.push({
        code: 'PAYEE_RELATED_OR_PERSONAL', severity: r.severities.PAYEE_RELATED_OR_PERSONAL,
        message: `支付 ${p.id}（${yuan(p.amountYuan)}）的收款方“${p.payeeName}”为${who}`,
        evidence: { ...ev(p), payeeUscc: p.payeeUscc ?? null, payeeAccount: p.payeeAccount, reason: self ? 'borrower' : isRelated ? 'related_party' : 'personal_account' },
      });
    }
    if ((p.invoiceNo === undefined || p.invoiceNo === '') && p.attachments === 0) {
      flags.push({
        code: 'MISSING_EVIDENCE', severity: r.severities.MISSING_EVIDENCE,
        message: `支付 ${p.id}（${yuan(p.amountYuan)}）既无发票号也无附件凭证`,
        evidence: ev(p),
      });
    }
  }
}

function duplicateInvoiceFlags(c: CheckInput, r: PostloanRules, others: OtherInvoices, flags: Flag[]): void {
  const byInvoice = new Map<string, Payment[]>();
  for (const p of c.payments) {
    if (!p.invoiceNo) continue;
    const key = normInvoice(p.invoiceNo);
    byInvoice.set(key, [...(byInvoice.get(key) ?? []), p]);
  }
  for (const [invoiceNo, payments] of byInvoice) {
    const elsewhere = (others.get(invoiceNo) ?? []).filter((o) => o.loanId !== c.loan.id);
    if (payments.length < 2 && elsewhere.length === 0) continue;
    const where = [
      ...(payments.length > 1 ? [`本次检查的支付 ${payments.map((p) => p.id).join('、')}`] : []),
      ...(elsewhere.length ? [`其他贷款 ${[...new Set(elsewhere.map((o) => o.loanId))].join('、')}`] : []),
    ].join('，以及');
    flags.push({
      code: 'DUPLICATE_INVOICE', severity: r.severities.DUPLICATE_INVOICE,
      message: `发票号 ${invoiceNo} 被重复使用：${where}`,
      evidence: { invoiceNo, paymentIds: payments.map((p) => p.id), otherLoans: elsewhere.map((o) => `${o.loanId}/${o.paymentId}`) },
    });
  }
}

function projectFlags(c: CheckInput, r: PostloanRules, flags: Flag[]): void {
  const p = c.project;
  if (p.totalInvestmentYuan !== undefined && p.totalInvestmentYuan > 0) {
    const financed = c.loan.amountYuan + (p.otherFinancingYuan ?? 0);
    if (financed > p.totalInvestmentYuan) {
      flags.push({
        code: 'OVER_FINANCING', severity: r.severities.OVER_FINANCING,
        message: `本笔贷款 ${yuan(c.loan.amountYuan)} 加项目其他融资 ${yuan(p.otherFinancingYuan ?? 0)}，超过项目总投资 ${yuan(p.totalInvestmentYuan)}（疑似化整为零、重复融资）`,
        evidence: { loanYuan: c.loan.amountYuan, otherFinancingYuan: p.otherFinancingYuan ?? 0, totalInvestmentYuan: p.totalInvestmentYuan, excessYuan: financed - p.totalInvestmentYuan },
      });
    }
  }
  if (p.physicalProgressPct !== undefined) {
    const drawnExact = (c.loan.disbursedYuan / c.loan.amountYuan) * 100;
    const gapExact = Math.round((drawnExact - p.physicalProgressPct) * 1e9) / 1e9;
    const drawn = round1(drawnExact);
    const gap = round1(gapExact);
    if (gapExact > r.thresholds.drawdownAheadPoints) {
      flags.push({
        code: 'DRAWDOWN_AHEAD_OF_PROGRESS', severity: r.severities.DRAWDOWN_AHEAD_OF_PROGRESS,
        message: `已放款 ${drawn}%，而项目形象进度仅 ${p.physicalProgressPct}%，超前 ${gap} 个百分点（阈值 ${r.thresholds.drawdownAheadPoints}）`,
        evidence: { disbursedPct: drawn, physicalProgressPct: p.physicalProgressPct, gapPoints: gap, thresholdPoints: r.thresholds.drawdownAheadPoints },
      });
    }
  }
  for (const m of p.milestones) {
    if (m.due < c.asOf && !m.evidence) {
      flags.push({
        code: 'MILESTONE_NO_EVIDENCE', severity: r.severities.MILESTONE_NO_EVIDENCE,
        message: `节点“${m.name}”应于 ${m.due} 完成，至今无完成证明`,
        evidence: { milestone: m.name, due: m.due, overdueDays: daysBetween(m.due, c.asOf) },
      });
    }
  }
  if (p.libraryStatus === 'withdrawn') {
    flags.push({
      code: 'PROJECT_WITHDRAWN', severity: r.severities.PROJECT_WITHDRAWN,
      message: `关联项目${c.loan.projectId ? ` ${c.loan.projectId}` : ''}在项目库中的状态为“${STATUS_NAMES_ZH.withdrawn}”`,
      evidence: { projectId: c.loan.projectId ?? null, libraryStatus: 'withdrawn' },
    });
  }
}

function benefitFlags(c: CheckInput, r: PostloanRules, flags: Flag[]): void {
  const b = c.benefits;
  if (!b) return;
  const pct = r.thresholds.benefitShortfallPct;
  const metrics = [
    ['carbon', '年碳减排量', b.expectedCarbonReductionT, b.actualCarbonReductionT, '吨CO₂'],
    ['waste', '固废综合利用量', b.expectedWasteUtilizedT, b.actualWasteUtilizedT, '吨'],
  ] as const;
  for (const [metric, label, expected, actual, unit] of metrics) {
    if (expected === undefined || actual === undefined || expected <= 0) continue;
    const achieved = round1((actual / expected) * 100);
    if (actual * 100 < expected * pct) {
      flags.push({
        code: 'BENEFIT_SHORTFALL', severity: r.severities.BENEFIT_SHORTFALL,
        message: `实际${label} ${actual} ${unit}，仅为预期 ${expected} ${unit} 的 ${achieved}%（低于 ${pct}%）`,
        evidence: { metric, expected, actual, achievedPct: achieved, thresholdPct: pct },
      });
    }
  }
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

function creditFlag(c: CheckInput, r: PostloanRules, flags: Flag[]): void {
  const reasons: string[] = [];
  let severity: Severity | null = null;
  const raise = (s: Severity) => (severity = severity === null || RANK[s] > RANK[severity] ? s : severity);
  if (c.envCredit?.rating === 'yellow') {
    reasons.push('环境信用评价降为黄牌（环保警示）');
    raise(r.severities.ENV_CREDIT_YELLOW);
  }
  if (c.envCredit?.rating === 'red') {
    reasons.push('环境信用评价降为红牌（环保不良）');
    raise(r.severities.ENV_CREDIT_RED);
  }
  if (c.newViolations.length > 0) {
    reasons.push(`新增环境违法记录 ${c.newViolations.length} 条（${c.newViolations.map((v) => `${v.date} ${v.kind}`).join('；')}）`);
    raise(r.severities.NEW_VIOLATION);
  }
  if (severity === null) return;
  flags.push({
    code: 'ENV_CREDIT_DOWNGRADE', severity,
    message: reasons.join('；'),
    evidence: { rating: c.envCredit?.rating ?? null, newViolations: c.newViolations.length },
  });
}

export function runCheck(c: CheckInput, rules: PostloanRules, others: OtherInvoices = new Map()): CheckResult {
  const flags: Flag[] = [];
  paymentFlags(c, rules, flags);
  duplicateInvoiceFlags(c, rules, others, flags);
  projectFlags(c, rules, flags);
  benefitFlags(c, rules, flags);
  creditFlag(c, rules, flags);
  if (!c.librarySyncedAt || daysBetween(c.librarySyncedAt, c.asOf) > rules.thresholds.staleLibraryDays) {
    flags.push({
      code: 'STALE_LIBRARY', severity: rules.severities.STALE_LIBRARY,
      message: c.librarySyncedAt
        ? `本地项目库最近一次同步为 ${c.librarySyncedAt}，距检查日已超过 ${rules.thresholds.staleLibraryDays} 天`
        : '本地项目库没有同步或导入记录，项目状态可能已过时',
      evidence: { librarySyncedAt: c.librarySyncedAt ?? null, days: c.librarySyncedAt ? daysBetween(c.librarySyncedAt, c.asOf) : null, thresholdDays: rules.thresholds.staleLibraryDays },
    });
  }
  if (c.loan.cerf && !c.loan.thirdPartyVerified) {
    flags.push({
      code: 'CERF_UNVERIFIED', severity: rules.severities.CERF_UNVERIFIED,
      message: '该笔贷款使用碳减排支持工具，但碳减排量尚未经第三方核证',
      evidence: { cerf: true, thirdPartyVerified: false },
    });
  }
  const worst = flags.reduce<Severity | null>((w, f) => (w === null || RANK[f.severity] > RANK[w] ? f.severity : w), null);
  const verdict: Verdict = worst === 'high' ? 'suspected_misuse' : worst === 'medium' ? 'needs_rectification' : 'compliant';
  const present = new Set(flags.map((f) => f.severity));
  const actions = [...new Set<ActionCode>([
    ...(present.has('high') ? rules.actions.high : []),
    ...(present.has('medium') ? rules.actions.medium : []),
    ...(present.has('low') ? rules.actions.low : []),
  ])];
  const nextCheckDue = addDays(c.asOf, present.has('high') ? rules.schedule.afterHighDays : rules.schedule.everyDays);
  return { model: rules.id, verdict, flags, actions, nextCheckDue };
}
