/**
 * Fills a database with the demo: the library through the same snapshot path a real import takes, the demo
 * accounts (one per role), and a few applications in different states, scored by the real engine.
 */
import type { Role } from '../../shared/applications/lifecycle.js';
import type { ScoreInput } from '../../shared/scoring/input.js';
import { AppError } from '../../shared/errors.js';
import type { AppDb } from '../db/open.js';
import { getLibraryInfo } from '../db/queries/library.js';
import { createApplication, scoreApplication, transitionApplication } from './applications.js';
import { generateDemoSnapshot } from './demo/generate.js';
import { importSnapshotDocument } from './library-import/import.js';
import { createUser, userCount } from './users.js';
import type { SessionUser } from './sessions.js';

export const DEFAULT_DEMO_PROJECTS = 2000;
/** The demo accounts' password (shown on the sign-in screen of a demo database and in the README). */
export const DEMO_PASSWORD = 'greendesk2026';
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'zhangwei', displayName: '张伟（客户经理）', role: 'loan_officer' },
  { username: 'lina', displayName: '李娜（审批人）', role: 'approver' },
  { username: 'wangfang', displayName: '王芳（合规/贷后）', role: 'compliance' },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
];

export async function seedDemo(db: AppDb, opts: { projects?: number; seed?: number; now?: Date } = {}) {
  const existing = await getLibraryInfo(db.read);
  if (existing) throw new AppError('LIBRARY_NOT_EMPTY', { params: { version: existing.version } });
  const snapshot = generateDemoSnapshot({ projects: opts.projects ?? DEFAULT_DEMO_PROJECTS, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  // The same path a real file takes: every row validated, then one transaction.
  const counts = await importSnapshotDocument(db, snapshot, { source: 'demo' });
  if (userCount(db) === 0) {
    const users = new Map<Role, SessionUser>();
    for (const a of DEMO_ACCOUNTS) users.set(a.role, await createUser(db, { ...a, password: DEMO_PASSWORD }));
    seedApplications(db, users, opts.now ?? new Date());
  }
  return counts;
}

interface DemoProject {
  id: string;
  name: string;
  owner_name: string;
  owner_uscc: string;
  district: string;
  industry_code: string;
  category: string;
  financing_need_fen: number;
}

function pickProject(db: AppDb, where: string): DemoProject | undefined {
  return db.rawRead
    .prepare(`SELECT id, name, owner_name, owner_uscc, district, industry_code, category, financing_need_fen FROM project WHERE status <> 'withdrawn' AND ${where} ORDER BY id LIMIT 1`)
    .get() as DemoProject | undefined;
}

function inputFor(p: DemoProject, asOf: string, extra: Partial<ScoreInput>): ScoreInput {
  const amount = Math.max(1_000_000, Math.round(Math.min(p.financing_need_fen / 100, 200_000_000) / 10_000) * 10_000);
  return {
    asOf,
    applicant: { name: p.owner_name, uscc: p.owner_uscc, district: p.district as ScoreInput['applicant']['district'], industryCode: p.industry_code },
    loan: { amountYuan: amount, termMonths: 36, riskSpreadBps: 45, greenCategory: p.category as NonNullable<ScoreInput['loan']['greenCategory']>, projectId: p.id },
    ...extra,
  };
}

function seedApplications(db: AppDb, users: Map<Role, SessionUser>, now: Date): void {
  const officer = users.get('loan_officer')!;
  const approver = users.get('approver')!;
  const asOf = now.toISOString().slice(0, 10);
  const good = { carbon: { intensity: 0.42, industryAverage: 0.8, previousIntensity: 0.47, dataQuality: 2 }, waste: { generatedT: 1200, utilizedT: 1010, intensity: 0.05, previousIntensity: 0.06 }, envCredit: { rating: 'green' as const, year: 2025 } };
  const plans: { where: string; extra: Partial<ScoreInput>; steps: ('submit' | 'approve' | 'reject')[]; reason?: string }[] = [
    { where: "category = 'resource_recycling'", extra: good, steps: [] },
    { where: "category = 'energy_transition'", extra: { ...good, carbon: { ...good.carbon, verifiedReductionT: 8600 } }, steps: ['submit'] },
    { where: "category = 'environmental_protection'", extra: { ...good, envCredit: { rating: 'blue' as const, year: 2025 } }, steps: ['submit', 'approve'] },
    {
      where: "industry_code LIKE 'C307%'",
      extra: { carbon: { intensity: 1.9, industryAverage: 1.2, previousIntensity: 1.8, dataQuality: 4 }, envCredit: { rating: 'yellow' as const, year: 2025 } },
      steps: ['submit', 'reject'],
      reason: '高碳行业且无转型计划，碳排放强度高于行业平均，建议企业制定转型计划后重新申请',
    },
  ];
  for (const plan of plans) {
    const p = pickProject(db, plan.where);
    if (!p) continue;
    const id = createApplication(db, officer, inputFor(p, asOf, plan.extra), now);
    scoreApplication(db, officer, id, now);
    for (const step of plan.steps) {
      transitionApplication(db, step === 'submit' ? officer : approver, id, step, step === 'reject' ? plan.reason! : '', now);
    }
  }
}
