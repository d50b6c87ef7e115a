/** A fake ApiClient for renderer tests: per-method handlers, every call recorded; a handler may throw an ApiError. */
import { ApiError, type ApiClient } from '../../shared/contract/client.js';
import type { Input, Method, Output } from '../../shared/contract/methods.js';
import type { ProjectSummary, Project } from '../../shared/domain/project.js';

export type Handlers = { [M in Method]?: (input: Input<M>) => Output<M> | Promise<Output<M>> };

export interface FakeClient extends ApiClient {
  calls: { method: Method; input: unknown }[];
}

/** The signed-in user the fake answers 'auth.status' with unless a test says otherwise (the whole app needs one). */
export const OFFICER = { id: 2, username: 'zhangwei', displayName: '张伟（客户经理）', role: 'loan_officer' as const };
export const APPROVER = { id: 3, username: 'lina', displayName: '李娜（审批人）', role: 'approver' as const };

/** A device with no hub configured: what 'sync.status' answers unless a test says otherwise (the status bar asks). */
export const SYNC_STATUS: Output<'sync.status'> = {
  hubUrl: null, enrolled: false, device: null, deviceId: '3f2a9c1e-0000-4000-8000-000000000001', deviceName: 'BRANCH-PC-01', keyId: '0123456789abcdef',
  running: false, progress: null, reachable: null, lastRound: null, lastSuccessAt: null,
  outbox: { pending: 0, sent: 0, rejected: 0, resent: 0, oldestPendingAt: null, nextAttemptAt: null }, pull: null, nextAutoAt: null,
};

export function fakeClient(handlers: Handlers): FakeClient {
  const calls: FakeClient['calls'] = [];
  const all: Handlers = { 'auth.status': () => ({ needsSetup: false, user: OFFICER }), 'sync.status': () => SYNC_STATUS, ...handlers };
  return {
    calls,
    async call(method, input) {
      calls.push({ method, input });
      const h = all[method] as ((i: unknown) => unknown) | undefined;
      if (!h) throw new ApiError({ code: 'UNKNOWN_METHOD', message: `未知的接口方法：${method}` });
      return (await h(input)) as never;
    },
  };
}

export const APP_INFO: Output<'app.info'> = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  dbFile: 'demo.db',
  library: {
    version: 42,
    issuer: '江门市金融工作局',
    issuedAt: '2026-11-01T00:00:00+08:00',
    syncedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    source: 'demo',
    projectCount: 2000,
  },
  host: { pdf: false },
};

export function summary(i: number, over: Partial<ProjectSummary> = {}): ProjectSummary {
  return {
    id: `JM-GP-2024-${String(i).padStart(5, '0')}`,
    library: 'green',
    name: `新会区光伏储能项目${i}`,
    ownerName: `江门市绿源能源有限公司${i}`,
    ownerUscc: '91440705MA4UXXXX0X',
    district: '新会区',
    industryCode: 'D4416',
    category: 'energy_transition',
    status: 'listed',
    financingNeedFen: 8_000_000_000 + i * 100,
    updatedAt: '2026-10-20',
    ...over,
  };
}

export function project(id: string): Project {
  return {
    id,
    library: 'green',
    name: '新会区光伏储能项目1',
    ownerName: '江门市绿源能源有限公司1',
    ownerUscc: '91440705MA4UXXXX0X',
    district: '新会区',
    industryCode: 'D4416',
    category: 'energy_transition',
    totalInvestmentFen: 12_000_000_000,
    financingNeedFen: 8_000_000_000,
    expectedBenefits: { carbonReductionT: 12000, energySavedTce: 0, wasteUtilizedT: 50000, hazardousDisposedT: 0 },
    sourceDept: '市工业和信息化局',
    status: 'listed',
    listedAt: '2024-03-01',
    updatedAt: '2026-10-20',
    libraryVersion: 42,
  };
}
