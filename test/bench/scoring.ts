// Scorings per second in-process for 10,000 varied applicants (the default model).
import { performance } from 'node:perf_hooks';
import { DISTRICTS, GREEN_CATEGORIES } from '../../shared/domain/jiangmen.js';
import { usccCheckChar } from '../../shared/domain/uscc.js';
import { DEFAULT_SCORING_MODEL } from '../../shared/scoring/default-model.js';
import { scoreApplicant } from '../../shared/scoring/engine.js';
import { scoreInputSchema, type ScoreInput } from '../../shared/scoring/input.js';

function applicants(n: number): ScoreInput[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const codes = ['C4220', 'C3071', 'C2211', 'D4415', 'C3982', 'C1713', 'N7723', 'C3360', 'C3841'];
  return Array.from({ length: n }, (_, i) => {
    const first17 = `91440705${String(i).padStart(8, '0')}X`;
    return {
      asOf: '2026-11-22',
      applicant: { name: `企业${i}`, uscc: first17 + usccCheckChar(first17), district: DISTRICTS[i % 7]!, industryCode: codes[i % codes.length]! },
      loan: { amountYuan: 1_000_000 + i, termMonths: 12 + (i % 96), riskSpreadBps: 20 + (i % 80), greenCategory: GREEN_CATEGORIES[i % 9]! },
      carbon: { intensity: rnd() * 2, industryAverage: 0.5 + rnd(), previousIntensity: 0.1 + rnd() * 2, dataQuality: 1 + (i % 5), verifiedReductionT: i % 3 ? 1000 : undefined },
      waste: { generatedT: 1000, utilizedT: rnd() * 1000, intensity: rnd(), previousIntensity: rnd(), hazardous: { generatedT: i % 4, licensedDisposal: i % 17 !== 0, manifestsComplete: i % 5 !== 0, ledgerComplete: true } },
      envCredit: { rating: (['green', 'blue', 'yellow', 'red', 'unrated'] as const)[i % 5]! },
      violations: i % 11 === 0 ? [{ date: '2026-05-01', kind: 'fine' as const, amountYuan: 30_000 + (i % 40_000) }] : [],
      ...(i % 2 ? { transitionPlan: { kpis: [{ name: 'KPI', target: '-5%', due: '2027-12-31' }] } } : {}),
    } as ScoreInput;
  });
}

export function benchScoring(report: (name: string, value: string) => void): void {
  const inputs = applicants(10_000).map((a) => scoreInputSchema.parse(JSON.parse(JSON.stringify(a))));
  for (const a of inputs.slice(0, 500)) scoreApplicant(a, DEFAULT_SCORING_MODEL); // warm-up
  let t = performance.now();
  for (const a of inputs) scoreApplicant(a, DEFAULT_SCORING_MODEL);
  const engine = performance.now() - t;
  t = performance.now();
  for (const a of inputs) scoreApplicant(scoreInputSchema.parse(a), DEFAULT_SCORING_MODEL);
  const withValidation = performance.now() - t;
  report('scoring 10,000 varied applicants (engine only)', `${engine.toFixed(0)} ms (${Math.round(10_000 / (engine / 1000)).toLocaleString('en')} scorings/s)`);
  report('scoring 10,000 applicants incl. input validation', `${withValidation.toFixed(0)} ms (${Math.round(10_000 / (withValidation / 1000)).toLocaleString('en')} scorings/s)`);
  report('ratio validation+engine / engine', `${(withValidation / engine).toFixed(2)}×`);
}
