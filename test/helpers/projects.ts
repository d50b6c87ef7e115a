import type { LibrarySnapshot, SnapshotProject } from '../../shared/domain/snapshot.js';
import { usccCheckChar } from '../../shared/domain/uscc.js';

/** A valid USCC for a Jiangmen (新会区) company numbered n. */
export function uscc(n: number): string {
  const first17 = `91440705${String(n).padStart(8, '0')}X`;
  return first17 + usccCheckChar(first17)!;
}

export function project(n: number, over: Partial<SnapshotProject> = {}): SnapshotProject {
  return {
    id: `JM-GP-2024-${String(n).padStart(5, '0')}`,
    library: 'green',
    name: `测试项目${n}号 年产5万吨再生资源综合利用项目`,
    ownerName: `江门市测试环保科技有限公司${n}`,
    ownerUscc: uscc(n),
    district: '新会区',
    industryCode: 'C4220',
    category: 'resource_recycling',
    totalInvestmentYuan: 120_000_000,
    financingNeedYuan: 80_000_000.5,
    expectedBenefits: { carbonReductionT: 12000, energySavedTce: 0, wasteUtilizedT: 50000, hazardousDisposedT: 0 },
    sourceDept: '市工业和信息化局',
    status: 'listed',
    listedAt: '2024-03-01',
    updatedAt: '2026-10-20',
    ...over,
  };
}

export function snapshot(version: number, projects: SnapshotProject[]): LibrarySnapshot {
  return {
    format: 'greendesk.library.v1',
    version,
    issuedAt: '2026-11-01T00:00:00+08:00',
    issuer: '江门市金融工作局',
    projects,
  };
}
