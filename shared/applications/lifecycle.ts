/**
 * The application lifecycle: one transition map (draft → submitted → approved | rejected → disbursed → closed),
 * who may take each step, and the maker-checker rule. Pure data and checks; the service applies them.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'disbursed', 'closed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ROLES = ['loan_officer', 'approver', 'compliance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['submit', 'approve', 'reject', 'disburse', 'close'] as const;
export type ApplicationAction = (typeof ACTIONS)[number];

export interface TransitionRule {
  from: ApplicationStatus;
  to: ApplicationStatus;
  roles: readonly Role[];
  /** The checker step: never by the maker (who created or submitted the application). */
  checker: boolean;
  reasonRequired: boolean;
}

export const TRANSITIONS: Record<ApplicationAction, TransitionRule> = {
  submit: { from: 'draft', to: 'submitted', roles: ['loan_officer', 'admin'], checker: false, reasonRequired: false },
  approve: { from: 'submitted', to: 'approved', roles: ['approver', 'admin'], checker: true, reasonRequired: false },
  reject: { from: 'submitted', to: 'rejected', roles: ['approver', 'admin'], checker: true, reasonRequired: true },
  disburse: { from: 'approved', to: 'disbursed', roles: ['loan_officer', 'admin'], checker: false, reasonRequired: false },
  close: { from: 'disbursed', to: 'closed', roles: ['loan_officer', 'compliance', 'admin'], checker: false, reasonRequired: false },
};

export type TransitionProblem =
  | 'ILLEGAL_TRANSITION'
  | 'ROLE_NOT_ALLOWED'
  | 'MAKER_CHECKER'
  | 'REASON_REQUIRED'
  | 'NOT_ELIGIBLE'
  | 'NOT_SCORED';

export interface TransitionCheck {
  action: ApplicationAction;
  status: ApplicationStatus;
  actor: { id: number; role: Role };
  makers: readonly number[];
  reason: string;
  /** The latest saved score: whether there is one and whether it was eligible. */
  latestScore: { eligible: boolean } | null;
}

/** The first rule a transition breaks, or null when it may proceed. */
export function transitionProblem(c: TransitionCheck): TransitionProblem | null {
  const rule = TRANSITIONS[c.action];
  if (rule.from !== c.status) return 'ILLEGAL_TRANSITION';
  if (!rule.roles.includes(c.actor.role)) return 'ROLE_NOT_ALLOWED';
  if (rule.checker && c.makers.includes(c.actor.id)) return 'MAKER_CHECKER';
  if (rule.reasonRequired && c.reason.trim() === '') return 'REASON_REQUIRED';
  if (c.action === 'submit' && !c.latestScore) return 'NOT_SCORED';
  if (c.action === 'approve' && !c.latestScore?.eligible) return 'NOT_ELIGIBLE';
  return null;
}

/** The actions open to an actor on an application in a status (for the window's buttons). */
export function availableActions(status: ApplicationStatus, role: Role): ApplicationAction[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from === status && TRANSITIONS[a].roles.includes(role));
}
