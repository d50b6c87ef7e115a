/** The post-loan rules document (resources/models/jm-postloan-2026.1.json): thresholds, lists and severities as data. */
import { z } from 'zod';

export const POSTLOAN_RULES_FORMAT = 'greendesk.postloan-rules.v1';
export const PURPOSES = [
  'equipment', 'construction', 'raw_materials', 'technology', 'wages', 'operations', 'real_estate', 'securities',
  'wealth_management', 'dividends', 'equity_investment', 'private_lending', 'repay_debt', 'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KEYS = [
  'PROHIBITED_USE', 'PAYEE_RELATED_OR_PERSONAL', 'PURPOSE_MISMATCH', 'DUPLICATE_INVOICE', 'OVER_FINANCING',
  'DRAWDOWN_AHEAD_OF_PROGRESS', 'MILESTONE_NO_EVIDENCE', 'BENEFIT_SHORTFALL', 'ENV_CREDIT_YELLOW', 'ENV_CREDIT_RED',
  'NEW_VIOLATION', 'PROJECT_WITHDRAWN', 'STALE_LIBRARY', 'CERF_UNVERIFIED', 'MISSING_EVIDENCE',
] as const;

export const ACTION_CODES = [
  'SUSPEND_DISBURSEMENT', 'ESCALATE_RISK_COMMITTEE', 'CONSIDER_EARLY_RECALL', 'CONSIDER_GREEN_LABEL_REMOVAL',
  'RECTIFY_WITHIN_30_DAYS', 'FOLLOW_UP_CHECK', 'NOTE_ON_FILE',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

const severity = z.enum(SEVERITIES);
const days = z.number().int().min(1).max(3650);

export const postloanRulesSchema = z
  .object({
    format: z.literal(POSTLOAN_RULES_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,63}$/),
    name: z.string().min(1).max(200),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    prohibitedPurposes: z.array(z.enum(PURPOSES)),
    severities: z.object(Object.fromEntries(RULE_KEYS.map((k) => [k, severity])) as Record<(typeof RULE_KEYS)[number], typeof severity>).strict(),
    thresholds: z.object({
      drawdownAheadPoints: z.number().min(0).max(100),
      benefitShortfallPct: z.number().min(0).max(100),
      staleLibraryDays: days,
    }),
    schedule: z.object({ firstWithinDays: days, everyDays: days, afterHighDays: days }),
    actions: z.object({ high: z.array(z.enum(ACTION_CODES)), medium: z.array(z.enum(ACTION_CODES)), low: z.array(z.enum(ACTION_CODES)) }),
  })
  .strict();

export type PostloanRules = z.infer<typeof postloanRulesSchema>;
