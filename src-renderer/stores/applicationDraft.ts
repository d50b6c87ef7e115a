/**
 * The project a credit application is being started from (项目库 → 发起授信申请). Kept for this window session
 * (sessionStorage) so that going back and forth between pages loses nothing; the application form (a later
 * issue) will prefill the applicant from it.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Project } from '../../shared/domain/project.js';

export type DraftProject = Pick<Project, 'id' | 'name' | 'ownerName' | 'ownerUscc' | 'district' | 'industryCode' | 'category'>;

export interface ApplicationDraftState {
  project: DraftProject | null;
  startFrom(project: DraftProject): void;
  clear(): void;
}

export const APPLICATION_DRAFT_KEY = 'greendesk.applicationDraft';

const FIELDS = ['id', 'name', 'ownerName', 'ownerUscc', 'district', 'industryCode', 'category'] as const;

/** Only the fields the draft needs (a whole Project may be passed). */
export function draftOf(p: DraftProject): DraftProject {
  return { id: p.id, name: p.name, ownerName: p.ownerName, ownerUscc: p.ownerUscc, district: p.district, industryCode: p.industryCode, category: p.category };
}

function isDraft(v: unknown): v is DraftProject {
  return typeof v === 'object' && v !== null && FIELDS.every((k) => typeof (v as Record<string, unknown>)[k] === 'string');
}

export const useApplicationDraftStore = create<ApplicationDraftState>()(
  persist(
    (set) => ({
      project: null,
      startFrom: (project) => set({ project: draftOf(project) }),
      clear: () => set({ project: null }),
    }),
    {
      name: APPLICATION_DRAFT_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ project: s.project }),
      // Whatever is in storage is untrusted: keep it only if it has the right shape.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as { project?: unknown };
        return { ...current, project: isDraft(p.project) ? draftOf(p.project) : null };
      },
    },
  ),
);
