/**
 * The guided application form: every value typed so far (kept here, outside the components, so the idle lock, a
 * page change or a failed save lose nothing), the step, the linked project looked up in the library, and the
 * draft's saved state (id, the last immutable score). Saving goes through the contract; the live score does not.
 */
import { create } from 'zustand';
import { ApiError, type ApiClient } from '../../shared/contract/client.js';
import type { Project } from '../../shared/domain/project.js';
import { buildInput, emptyForm, formFromInput, stepOfPath, type ApplicationFormValues, type FieldProblem } from '../applications/form-model.js';
import type { DraftProject } from './applicationDraft.js';
import type { SavedScore } from './applications.js';

/** What the library says of the linked project id. */
export type LinkedLookup =
  | { state: 'none' }
  | { state: 'loading'; id: string }
  | { state: 'found'; id: string; project: Project }
  | { state: 'missing'; id: string }
  | { state: 'error'; id: string; message: string };

export type FormBusy = 'draft' | 'score' | 'submit' | null;

interface FormData {
  open: boolean;
  /** The saved draft's id, once saved. */
  id: string | null;
  values: ApplicationFormValues;
  step: number;
  /** Changed since the last save. */
  dirty: boolean;
  /** Show "required" on empty fields (after a save was attempted). */
  showRequired: boolean;
  problems: FieldProblem[];
  linked: LinkedLookup;
  savedScore: SavedScore | null;
  busy: FormBusy;
  error: { code: string; message: string } | null;
  /** Bumped after every successful save (for a short confirmation). */
  savedAt: string | null;
}

export interface ApplicationFormState extends FormData {
  openNew(asOf: string, from?: DraftProject | null): void;
  openExisting(app: { id: string; input: Parameters<typeof formFromInput>[0]; scores: SavedScore[] }): void;
  close(): void;
  setStep(step: number): void;
  update(mutate: (v: ApplicationFormValues) => ApplicationFormValues): void;
  setLinked(linked: LinkedLookup): void;
  clearError(): void;
  saveDraft(client: ApiClient): Promise<boolean>;
  scoreAndSave(client: ApiClient): Promise<boolean>;
  submit(client: ApiClient): Promise<string | null>;
}

export const initialFormData: FormData = {
  open: false,
  id: null,
  values: emptyForm('2026-01-01'),
  step: 0,
  dirty: false,
  showRequired: false,
  problems: [],
  linked: { state: 'none' },
  savedScore: null,
  busy: null,
  error: null,
  savedAt: null,
};

function apiError(err: unknown): { code: string; message: string } {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

export const useApplicationFormStore = create<ApplicationFormState>()((set, get) => ({
  ...initialFormData,
  openNew(asOf, from) {
    const values = emptyForm(asOf);
    if (from) {
      values.applicant = { name: from.ownerName, uscc: from.ownerUscc, district: from.district, industryCode: from.industryCode };
      values.loan = { ...values.loan, greenCategory: from.category, projectId: from.id };
    }
    set({ ...initialFormData, open: true, values });
  },
  openExisting(app) {
    set({ ...initialFormData, open: true, id: app.id, values: formFromInput(app.input), savedScore: app.scores[0] ?? null });
  },
  close: () => set({ ...initialFormData }),
  setStep: (step) => set({ step }),
  update: (mutate) => set((s) => ({ values: mutate(s.values), dirty: true })),
  setLinked: (linked) => set({ linked }),
  clearError: () => set({ error: null }),

  async saveDraft(client) {
    const built = buildInput(get().values);
    if (!built.ok) {
      const first = built.problems[0]!;
      set({ showRequired: true, problems: built.problems, step: stepOfPath(first.path), error: null });
      return false;
    }
    set({ busy: 'draft', error: null, problems: [] });
    try {
      const { id } = get().id
        ? await client.call('applications.update', { id: get().id!, input: built.input })
        : await client.call('applications.create', { input: built.input });
      set({ id, dirty: false, busy: null, savedAt: new Date().toISOString() });
      return true;
    } catch (err) {
      const e = apiError(err);
      const path = err instanceof ApiError ? err.path?.replace(/^input\./, '') : undefined;
      set({ busy: null, error: e, ...(path ? { problems: [{ path, code: e.code }], step: stepOfPath(path) } : {}) });
      return false;
    }
  },

  async scoreAndSave(client) {
    if ((get().dirty || !get().id) && !(await get().saveDraft(client))) return false;
    set({ busy: 'score', error: null });
    try {
      const score = await client.call('applications.score', { id: get().id! });
      set({ savedScore: score, busy: null });
      return true;
    } catch (err) {
      set({ busy: null, error: apiError(err) });
      return false;
    }
  },

  async submit(client) {
    if ((get().dirty || !get().id || !get().savedScore) && !(await get().scoreAndSave(client))) return null;
    set({ busy: 'submit', error: null });
    try {
      const { id } = await client.call('applications.transition', { id: get().id!, action: 'submit', reason: '' });
      set({ busy: null });
      return id;
    } catch (err) {
      set({ busy: null, error: apiError(err) });
      return null;
    }
  },
}));
