// Combines a panel's marks per candidate (mean, median or trimmed mean), optionally after
// per-expert z-score normalisation, and flags spreads above the arbitration threshold. Raw and
// normalised results are kept side by side, each with its explanation in zh and en.
import type {
  ExpertScoringStage,
  LocalizedText,
  ScoreAggregation,
} from '../definition/definition.types';

export interface ExpertMark {
  expertId: string;
  candidateId: string;
  score: number;
}

export interface PanelMark {
  expertId: string;
  raw: number;
  /** The mark after per-expert normalisation (absent when the definition does not normalise). */
  normalised?: number;
}

export interface PanelScore {
  candidateId: string;
  /** The score the definition uses: normalised when it normalises, raw otherwise. */
  score: number;
  /** The raw marks combined by the definition's method. */
  rawScore: number;
  /** The normalised marks combined by the definition's method. */
  normalisedScore?: number;
  /** Highest minus lowest raw mark. */
  spread: number;
  needsArbitration: boolean;
  marks: PanelMark[];
  explanation: LocalizedText;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;

/** Population standard deviation. */
function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The combined mark and the marks it was taken from (after trimming). */
export function combineMarks(
  xs: readonly number[],
  agg: ScoreAggregation,
): { value: number; used: number[] } {
  const sorted = xs.toSorted((a, b) => a - b);
  if (agg.method === 'median') return { value: median(sorted), used: sorted };
  if (agg.method === 'mean') return { value: mean(sorted), used: sorted };
  const trim = agg.trim ?? 0;
  // Too few marks to trim both ends: fall back to the plain mean rather than dropping everything.
  if (sorted.length <= 2 * trim) return { value: mean(sorted), used: sorted };
  const used = sorted.slice(trim, sorted.length - trim);
  return { value: mean(used), used };
}

/**
 * Per-expert z-scores mapped back onto the panel's overall mean and spread:
 * normalised = (mark − expert's mean) / expert's sd × overall sd + overall mean, so a severe and a
 * lenient expert weigh the same. An expert with one mark or no spread keeps their marks.
 */
export function normaliseMarks(marks: readonly ExpertMark[]): number[] {
  const all = marks.map((m) => m.score);
  const [mu, sigma] = [mean(all), sd(all)];
  const byExpert = new Map<string, number[]>();
  for (const m of marks) {
    const own = byExpert.get(m.expertId);
    if (own) own.push(m.score);
    else byExpert.set(m.expertId, [m.score]);
  }
  const stats = new Map([...byExpert].map(([id, xs]) => [id, { m: mean(xs), s: sd(xs) }]));
  return marks.map((m) => {
    const { m: own, s } = stats.get(m.expertId)!;
    return s === 0 ? m.score : ((m.score - own) / s) * sigma + mu;
  });
}

const METHOD: Record<ScoreAggregation['method'], LocalizedText> = {
  mean: { zh: '平均分', en: 'mean' },
  median: { zh: '中位数', en: 'median' },
  trimmedMean: { zh: '去掉最高最低分后的平均分', en: 'trimmed mean' },
};

function explain(
  agg: ScoreAggregation,
  raw: { value: number; used: number[] },
  normalised: { value: number; used: number[] } | undefined,
  spread: number,
  threshold: number,
): LocalizedText {
  const method = METHOD[agg.method];
  const trimmed = agg.method === 'trimmedMean' ? `（各去 ${agg.trim ?? 0} 个）` : '';
  const trimmedEn = agg.method === 'trimmedMean' ? ` (dropping ${agg.trim ?? 0} at each end)` : '';
  const list = (xs: number[]) => xs.map((x) => String(r2(x))).join(', ');
  const zh = [`原始分 ${list(raw.used)} 的${method.zh}${trimmed} = ${r2(raw.value)}`];
  const en = [`${method.en}${trimmedEn} of raw marks ${list(raw.used)} = ${r2(raw.value)}`];
  if (normalised) {
    zh.push(`标准化后 ${list(normalised.used)} 的${method.zh} = ${r2(normalised.value)}（采用）`);
    en.push(`of normalised marks ${list(normalised.used)} = ${r2(normalised.value)} (used)`);
  }
  if (spread > threshold) {
    zh.push(`分差 ${r2(spread)} 超过 ${threshold}，需仲裁`);
    en.push(`spread ${r2(spread)} exceeds ${threshold}: arbitration needed`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** Aggregates a panel's marks per candidate (sorted by candidate id) and flags wide spreads. */
export function aggregateScores(
  marks: readonly ExpertMark[],
  aggregation: ScoreAggregation,
  spreadThreshold = Infinity,
): PanelScore[] {
  const normalised = aggregation.normalisePerExpert ? normaliseMarks(marks) : undefined;
  const byCandidate = new Map<string, PanelMark[]>();
  marks.forEach((m, i) => {
    const mark: PanelMark = normalised
      ? { expertId: m.expertId, raw: m.score, normalised: normalised[i] }
      : { expertId: m.expertId, raw: m.score };
    const list = byCandidate.get(m.candidateId);
    if (list) list.push(mark);
    else byCandidate.set(m.candidateId, [mark]);
  });
  return [...byCandidate.keys()].toSorted().map((candidateId) => {
    const panel = byCandidate
      .get(candidateId)!
      .toSorted((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
    const rawXs = panel.map((m) => m.raw);
    const raw = combineMarks(rawXs, aggregation);
    const norm = normalised
      ? combineMarks(
          panel.map((m) => m.normalised!),
          aggregation,
        )
      : undefined;
    const spread = Math.max(...rawXs) - Math.min(...rawXs);
    return {
      candidateId,
      score: r2((norm ?? raw).value),
      rawScore: r2(raw.value),
      ...(norm ? { normalisedScore: r2(norm.value) } : {}),
      spread: r2(spread),
      needsArbitration: spread > spreadThreshold,
      marks: panel.map((m) =>
        m.normalised === undefined ? m : { ...m, normalised: r2(m.normalised) },
      ),
      explanation: explain(aggregation, raw, norm, spread, spreadThreshold),
    };
  });
}

export interface ResolvedScore {
  score: number;
  explanation: LocalizedText;
}

/**
 * The score after arbitration, as the definition says: the arbitration group's score replaces the
 * panel's (`replace`, the default) or is averaged with it (`meanWithPanel`).
 */
export function resolveArbitration(
  stage: Pick<ExpertScoringStage, 'arbitration'>,
  panelScore: number,
  arbitratedScore: number,
): ResolvedScore {
  if (stage.arbitration?.resolution === 'meanWithPanel') {
    const score = r2((panelScore + arbitratedScore) / 2);
    return {
      score,
      explanation: {
        zh: `仲裁分 ${arbitratedScore} 与专家组分 ${panelScore} 取平均 = ${score}`,
        en: `arbitrated ${arbitratedScore} averaged with the panel's ${panelScore} = ${score}`,
      },
    };
  }
  return {
    score: arbitratedScore,
    explanation: {
      zh: `仲裁分 ${arbitratedScore} 取代专家组分 ${panelScore}`,
      en: `arbitrated ${arbitratedScore} replaces the panel's ${panelScore}`,
    },
  };
}
