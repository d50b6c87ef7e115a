/**
 * The rules for applying a new library version, shared by the app's local copy and the hub: which fields make a
 * project "changed" between versions, and what a project missing from a newer whole snapshot becomes (withdrawn,
 * never deleted).
 */
import type { Project } from './project.js';

/** Fields compared to decide whether a project changed between versions (libraryVersion excluded). */
export const COMPARED_FIELDS: readonly (keyof Project)[] = [
  'library', 'name', 'ownerName', 'ownerUscc', 'district', 'industryCode', 'category', 'totalInvestmentFen',
  'financingNeedFen', 'expectedBenefits', 'sourceDept', 'status', 'listedAt', 'updatedAt',
];

/** The fields that differ between two versions of a project ([] when it did not change). */
export function changedFields(before: Project, after: Project): string[] {
  return COMPARED_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** A project that a newer whole snapshot no longer lists: the same record, withdrawn, as of that version. */
export function withdrawnAt(prev: Project, version: number): Project {
  return { ...prev, status: 'withdrawn', libraryVersion: version };
}
