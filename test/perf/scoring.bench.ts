// The ranked list at the end of expert scoring: 10,000 candidates × 5 experts (50,000 marks) in
// five groups, each with a panel of 20 experts of differing severity, aggregated by trimmed mean
// after per-expert z-score normalisation, spreads above 15 flagged, then ranked per group with the
// definition's tie-breakers and every row explained. Measured against a hand-written aggregation
// of the same marks (the same normalisation, trimming and order, no explanations) in the same run,
// alternating rounds. Reports lists per second at 10,000, the growth from 1,000 (goal ≤ 12×) and the
// ratio to the hand-written code (goal ≥ 0.3×).
import {
  aggregateScores,
  type ExpertMark,
  loadShippedDefinition,
  type PipelineDefinition,
  rankScores,
  type RankingCandidate,
  type ScoreAggregation,
} from '@craftcert/pipeline';
import { alternate, type Benchmark, compare } from './harness';

const ROUNDS = 5;
const SIZES = [1_000, 10_000] as const;
const GROUPS = ['C', 'G', 'I', 'M', 'E'];
const PANEL = 20;
const PER_DOSSIER = 5;
const AGGREGATION: ScoreAggregation = { method: 'trimmedMean', trim: 1, normalisePerExpert: true };
const THRESHOLD = 15;

/** mulberry32: a small seeded PRNG, so every run ranks the same marks. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  candidates: RankingCandidate[];
  marks: ExpertMark[];
}

function generate(count: number, seed: number): World {
  const rnd = prng(seed);
  const severity = new Map<string, number>();
  const candidates: RankingCandidate[] = [];
  const marks: ExpertMark[] = [];
  for (let i = 0; i < count; i++) {
    const group = GROUPS[i % GROUPS.length];
    const id = `c${String(i).padStart(6, '0')}`;
    candidates.push({ id, group, dossier: {} });
    const merit = 50 + rnd() * 40;
    // Five distinct experts of the group's panel, rotating so workloads stay even.
    const first = Math.floor(i / GROUPS.length) * PER_DOSSIER;
    for (let k = 0; k < PER_DOSSIER; k++) {
      const expertId = `${group}-e${(first + k) % PANEL}`;
      if (!severity.has(expertId)) severity.set(expertId, (rnd() - 0.5) * 16);
      const score = Math.round(
        Math.min(100, Math.max(0, merit + severity.get(expertId)! + (rnd() - 0.5) * 20)),
      );
      marks.push({ expertId, candidateId: id, score });
    }
  }
  return { candidates, marks };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The same list written by hand for this one configuration: ids per group, best first. */
function handWritten(world: World): Map<string, string[]> {
  const { marks } = world;
  let sum = 0;
  for (const m of marks) sum += m.score;
  const mu = sum / marks.length;
  let sq = 0;
  for (const m of marks) sq += (m.score - mu) ** 2;
  const sigma = Math.sqrt(sq / marks.length);
  const stats = new Map<string, { n: number; s: number; ss: number }>();
  for (const m of marks) {
    const e = stats.get(m.expertId) ?? { n: 0, s: 0, ss: 0 };
    e.n++;
    e.s += m.score;
    stats.set(m.expertId, e);
  }
  for (const m of marks) {
    const e = stats.get(m.expertId)!;
    e.ss += (m.score - e.s / e.n) ** 2;
  }
  const byCandidate = new Map<string, number[]>();
  for (const m of marks) {
    const e = stats.get(m.expertId)!;
    const sd = Math.sqrt(e.ss / e.n);
    const z = sd === 0 ? m.score : ((m.score - e.s / e.n) / sd) * sigma + mu;
    const list = byCandidate.get(m.candidateId);
    if (list) list.push(z);
    else byCandidate.set(m.candidateId, [z]);
  }
  const groups = new Map<string, { id: string; score: number }[]>();
  for (const c of world.candidates) {
    const xs = byCandidate.get(c.id)!.toSorted((a, b) => a - b);
    let t = 0;
    for (let i = 1; i < xs.length - 1; i++) t += xs[i];
    const row = { id: c.id, score: r2(t / (xs.length - 2)) };
    const list = groups.get(c.group);
    if (list) list.push(row);
    else groups.set(c.group, [row]);
  }
  const out = new Map<string, string[]>();
  for (const [group, rows] of groups) {
    const ordered = rows.toSorted((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    out.set(
      group,
      ordered.map((r) => r.id),
    );
  }
  return out;
}

function engine(def: PipelineDefinition, world: World) {
  const panels = aggregateScores(world.marks, AGGREGATION, THRESHOLD);
  return rankScores(def, world.candidates, panels);
}

function timed(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Throws unless the engine's lists equal the hand-written ones and every row is explained. */
function check(def: PipelineDefinition, world: World): void {
  const ranked = engine(def, world);
  const expected = handWritten(world);
  for (const g of ranked) {
    const ids = g.rows.map((r) => r.id);
    if (JSON.stringify(ids) !== JSON.stringify(expected.get(g.group)))
      throw new Error(`group ${g.group}: the engine's order differs from the hand-written one`);
    if (g.rows.some((r) => !r.explanation.en || !r.panel))
      throw new Error('a row lacks its numbers');
  }
  if (!ranked.some((g) => g.rows.some((r) => r.awaitingArbitration)))
    throw new Error('the bench data should flag some spreads for arbitration');
}

export const benchmark: Benchmark = {
  name: 'scoring',
  async run() {
    const def = loadShippedDefinition('hangzhou-city-craftsman');
    const perSecond = (ms: number) => 1000 / ms;
    const times = new Map<number, { engine: number[]; handWritten: number[] }>();
    for (const size of SIZES) {
      const world = generate(size, 20261202 + size);
      check(def, world);
      times.set(
        size,
        await alternate(
          {
            engine: () => timed(() => engine(def, world)),
            handWritten: () => timed(() => handWritten(world)),
          },
          { rounds: ROUNDS },
        ),
      );
    }
    const [small, large] = SIZES;
    const at = (size: number) => times.get(size)!;
    const growth = (which: 'engine' | 'handWritten') =>
      at(large)[which].map((t, i) => t / at(small)[which][i]);
    return [
      compare({
        name: 'scoring.ranked-10k',
        description: `ranked lists per second, ${large} candidates × ${PER_DOSSIER} experts (engine vs hand-written)`,
        unit: 'lists/s',
        subject: at(large).engine.map(perSecond),
        baseline: at(large).handWritten.map(perSecond),
        goal: { ratio: { atLeast: 0.3 } },
      }),
      compare({
        name: 'scoring.ranked-1k',
        description: `ranked lists per second, ${small} candidates × ${PER_DOSSIER} experts (engine vs hand-written)`,
        unit: 'lists/s',
        subject: at(small).engine.map(perSecond),
        baseline: at(small).handWritten.map(perSecond),
      }),
      compare({
        name: 'scoring.growth',
        description: `time at ${large} / time at ${small} candidates (engine vs hand-written)`,
        unit: '×',
        subject: growth('engine'),
        baseline: growth('handWritten'),
        goal: { value: { atMost: 12 } },
      }),
    ];
  },
};
