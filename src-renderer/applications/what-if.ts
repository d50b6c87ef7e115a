/**
 * What-if scenarios on a copy of the score input, for the result step: "if utilisation reached 80%", "with a
 * transition plan", "one environmental-credit card better", "carbon intensity 10% lower". Computed in the renderer
 * with the same engine, never saved.
 */
import type { EnvCreditRating, ScoreInput } from '../../shared/scoring/input.js';
import { addDays } from '../../shared/scoring/dates.js';

export const WHAT_IF_KEYS = ['utilisation', 'transitionPlan', 'envCreditUp', 'carbonDown'] as const;
export type WhatIfKey = (typeof WHAT_IF_KEYS)[number];

export interface WhatIfSettings {
  enabled: Record<WhatIfKey, boolean>;
  /** Target comprehensive-utilisation rate, percent. */
  utilisationPct: number;
  /** Carbon-intensity reduction, percent. */
  carbonDownPct: number;
}

export const DEFAULT_WHAT_IF: WhatIfSettings = {
  enabled: { utilisation: false, transitionPlan: false, envCreditUp: false, carbonDown: false },
  utilisationPct: 80,
  carbonDownPct: 10,
};

/** One card better: red → yellow → blue → green; unrated → blue. */
export const NEXT_RATING: Record<EnvCreditRating, EnvCreditRating | null> = { red: 'yellow', yellow: 'blue', unrated: 'blue', blue: 'green', green: null };

/** The current comprehensive-utilisation rate in percent, or null without data. */
export function utilisationPct(input: ScoreInput): number | null {
  const w = input.waste;
  if (!w || w.generatedT === undefined || w.utilizedT === undefined) return null;
  const d = w.generatedT + (w.stockpileUtilizedT ?? 0);
  return d > 0 ? (w.utilizedT / d) * 100 : null;
}

/** The input with one scenario applied, or null when it does not apply (nothing would change). */
export function applyWhatIf(input: ScoreInput, key: WhatIfKey, s: WhatIfSettings): ScoreInput | null {
  switch (key) {
    case 'utilisation': {
      const now = utilisationPct(input);
      if (now !== null && now >= s.utilisationPct) return null;
      const w = input.waste ?? {};
      const generated = w.generatedT && w.generatedT > 0 ? w.generatedT : 100;
      const stock = w.stockpileUtilizedT ?? 0;
      const utilized = Math.round((generated + stock) * s.utilisationPct) / 100;
      return { ...input, waste: { ...w, generatedT: generated, utilizedT: utilized } };
    }
    case 'transitionPlan': {
      if ((input.transitionPlan?.kpis.length ?? 0) > 0) return null;
      return { ...input, transitionPlan: { kpis: [{ name: '单位产值碳排放下降', target: '-8%', due: addDays(input.asOf, 730) }] } };
    }
    case 'envCreditUp': {
      const rating = input.envCredit?.rating ?? 'unrated';
      const next = NEXT_RATING[rating];
      if (!next) return null;
      return { ...input, envCredit: { ...(input.envCredit ?? {}), rating: next } };
    }
    case 'carbonDown': {
      const c = input.carbon;
      if (!c || c.intensity === undefined || s.carbonDownPct <= 0) return null;
      return { ...input, carbon: { ...c, intensity: Math.round(c.intensity * (100 - s.carbonDownPct) * 100) / 10000 } };
    }
  }
}

/** Every enabled scenario applied in turn. */
export function applyEnabled(input: ScoreInput, s: WhatIfSettings): ScoreInput {
  let out = input;
  for (const key of WHAT_IF_KEYS) {
    if (!s.enabled[key]) continue;
    out = applyWhatIf(out, key, s) ?? out;
  }
  return out;
}
