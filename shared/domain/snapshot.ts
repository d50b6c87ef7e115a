/**
 * The city's library snapshot file, `greendesk.library.v1` (PRODUCT.md): the whole library as of `version`,
 * money in yuan. This is the parsed JSON shape; row-level validation with codes lives with the importer.
 */
import { z } from 'zod';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from './jiangmen.js';
import { fenToYuan } from './money.js';
import { ISO_DATE, type Project } from './project.js';

export const SNAPSHOT_FORMAT = 'greendesk.library.v1';

const nonNegative = z.number().finite().nonnegative();

export const snapshotProjectSchema = z.object({
  id: z.string().min(1).max(64),
  library: z.enum(LIBRARIES),
  name: z.string().min(1).max(200),
  ownerName: z.string().min(1).max(200),
  ownerUscc: z.string().length(18),
  district: z.enum(DISTRICTS),
  industryCode: z.string().regex(/^[A-T]\d{0,4}$/),
  category: z.enum(GREEN_CATEGORIES),
  totalInvestmentYuan: nonNegative,
  financingNeedYuan: nonNegative,
  expectedBenefits: z.object({
    carbonReductionT: nonNegative,
    energySavedTce: nonNegative,
    wasteUtilizedT: nonNegative,
    hazardousDisposedT: nonNegative,
  }),
  sourceDept: z.string().max(200),
  status: z.enum(PROJECT_STATUSES),
  listedAt: z.string().regex(ISO_DATE),
  updatedAt: z.string().regex(ISO_DATE),
});
export type SnapshotProject = z.infer<typeof snapshotProjectSchema>;

export const librarySnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.number().int().nonnegative(),
  issuedAt: z.string().min(10).max(40),
  issuer: z.string().min(1).max(200),
  projects: z.array(snapshotProjectSchema),
});
export type LibrarySnapshot = z.infer<typeof librarySnapshotSchema>;

/** A stored project (money in 分) as a snapshot file writes it (money in yuan): the inverse of the import. */
export function projectToSnapshotProject(p: Project): SnapshotProject {
  return {
    id: p.id, library: p.library, name: p.name, ownerName: p.ownerName, ownerUscc: p.ownerUscc, district: p.district,
    industryCode: p.industryCode, category: p.category, totalInvestmentYuan: fenToYuan(p.totalInvestmentFen),
    financingNeedYuan: fenToYuan(p.financingNeedFen), expectedBenefits: { ...p.expectedBenefits }, sourceDept: p.sourceDept,
    status: p.status, listedAt: p.listedAt, updatedAt: p.updatedAt,
  };
}
