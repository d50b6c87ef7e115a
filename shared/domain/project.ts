/** A project of the city's libraries, as the app stores and shows it (money in integer 分). */
import { z } from 'zod';
import { DISTRICTS, GREEN_CATEGORIES, LIBRARIES, PROJECT_STATUSES } from './jiangmen.js';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const expectedBenefitsSchema = z.object({
  carbonReductionT: z.number().nonnegative(),
  energySavedTce: z.number().nonnegative(),
  wasteUtilizedT: z.number().nonnegative(),
  hazardousDisposedT: z.number().nonnegative(),
});
export type ExpectedBenefits = z.infer<typeof expectedBenefitsSchema>;

export const projectSchema = z.object({
  id: z.string().min(1).max(64),
  library: z.enum(LIBRARIES),
  name: z.string().min(1).max(200),
  ownerName: z.string().min(1).max(200),
  ownerUscc: z.string().length(18),
  district: z.enum(DISTRICTS),
  industryCode: z.string().regex(/^[A-T]\d{0,4}$/),
  category: z.enum(GREEN_CATEGORIES),
  totalInvestmentFen: z.number().int().nonnegative(),
  financingNeedFen: z.number().int().nonnegative(),
  expectedBenefits: expectedBenefitsSchema,
  sourceDept: z.string().max(200),
  status: z.enum(PROJECT_STATUSES),
  listedAt: z.string().regex(ISO_DATE),
  updatedAt: z.string().regex(ISO_DATE),
  /** The library version this record was last changed in. */
  libraryVersion: z.number().int().nonnegative(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectSummarySchema = projectSchema.pick({
  id: true,
  library: true,
  name: true,
  ownerName: true,
  ownerUscc: true,
  district: true,
  industryCode: true,
  category: true,
  status: true,
  financingNeedFen: true,
  updatedAt: true,
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const libraryInfoSchema = z.object({
  version: z.number().int().nonnegative(),
  issuer: z.string(),
  issuedAt: z.string(),
  /** When this copy was last pulled from the hub or imported from a file (ISO timestamp). */
  syncedAt: z.string(),
  source: z.enum(['import', 'hub', 'demo']),
  projectCount: z.number().int().nonnegative(),
});
export type LibraryInfo = z.infer<typeof libraryInfoSchema>;
