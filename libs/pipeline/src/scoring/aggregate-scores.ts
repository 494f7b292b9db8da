import type { ScoreAggregation } from '../definition/definition.types';

export interface ExpertMark {
  expertId: string;
  candidateId: string;
  score: number;
}

export interface PanelScore {
  candidateId: string;
  score: number;
  /** Highest minus lowest raw mark. */
  spread: number;
  needsArbitration: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

function median(xs: readonly number[]): number {
  const s = xs.toSorted((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function combine(xs: readonly number[], agg: ScoreAggregation): number {
  if (agg.method === 'median') return median(xs);
  if (agg.method === 'mean') return mean(xs);
  const trim = agg.trim ?? 0;
  // Too few marks to trim both ends: fall back to the plain mean rather than dropping everything.
  if (xs.length <= 2 * trim) return mean(xs);
  return mean(xs.toSorted((a, b) => a - b).slice(trim, xs.length - trim));
}

/**
 * Rescales each expert's marks to the panel's overall mean and spread (z-scores), so a severe
 * and a lenient expert weigh the same; experts with one mark or no spread are left as they are.
 */
function normalise(marks: readonly ExpertMark[]): ExpertMark[] {
  const all = marks.map((m) => m.score);
  const [mu, sigma] = [mean(all), sd(all)];
  const byExpert = new Map<string, number[]>();
  for (const m of marks) byExpert.set(m.expertId, [...(byExpert.get(m.expertId) ?? []), m.score]);
  return marks.map((m) => {
    const own = byExpert.get(m.expertId)!;
    const s = sd(own);
    return s === 0 ? m : { ...m, score: ((m.score - mean(own)) / s) * sigma + mu };
  });
}

/** Aggregates a panel's marks per candidate and flags spreads above the arbitration threshold. */
export function aggregateScores(
  marks: readonly ExpertMark[],
  aggregation: ScoreAggregation,
  spreadThreshold = Infinity,
): PanelScore[] {
  const used = aggregation.normalisePerExpert ? normalise(marks) : marks;
  const raw = new Map<string, number[]>();
  const adjusted = new Map<string, number[]>();
  marks.forEach((m, i) => {
    raw.set(m.candidateId, [...(raw.get(m.candidateId) ?? []), m.score]);
    adjusted.set(m.candidateId, [...(adjusted.get(m.candidateId) ?? []), used[i].score]);
  });
  return [...raw.keys()].toSorted().map((candidateId) => {
    const xs = raw.get(candidateId)!;
    const spread = Math.max(...xs) - Math.min(...xs);
    const score = Math.round(combine(adjusted.get(candidateId)!, aggregation) * 100) / 100;
    return { candidateId, score, spread, needsArbitration: spread > spreadThreshold };
  });
}
