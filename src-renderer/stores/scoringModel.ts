/** The active scoring model ('models.scoring'), validated like any model document, for the live score. */
import { create } from 'zustand';
import type { ApiClient } from '../../shared/contract/client.js';
import { scoringModelSchema, type ScoringModel } from '../../shared/scoring/model.js';

export interface ScoringModelState {
  model: ScoringModel | null;
  error: string | null;
  loading: boolean;
  load(client: ApiClient): Promise<void>;
}

export const useScoringModelStore = create<ScoringModelState>()((set, get) => ({
  model: null,
  error: null,
  loading: false,
  async load(client) {
    if (get().model || get().loading) return;
    set({ loading: true, error: null });
    try {
      const out = await client.call('models.scoring', {});
      const parsed = scoringModelSchema.safeParse(out.active);
      if (!parsed.success) set({ loading: false, error: parsed.error.issues[0]?.message ?? 'MODEL_INVALID' });
      else set({ loading: false, model: parsed.data });
    } catch (err) {
      set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  },
}));
