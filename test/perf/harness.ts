// The one harness every benchmark uses. Absolute figures on shared 2-core machines drift with
// load, so a figure is a subject measured against a baseline in the same run: the two alternate
// in rounds after a warm-up (neither always goes first), each side's median is reported, and the
// spread of the per-round ratios shows how far one run can be trusted.
//
// A benchmark is `{ name, run(): Promise<Figure[]> }` registered in run.ts. Inside `run`:
//   const s = await alternate({ subject: () => …, baseline: () => … });   // samples per side
//   return [compare({ name: 'x.y', unit: 'req/s', subject: s.subject, baseline: s.baseline,
//                     goal: { ratio: { atLeast: 0.6 } } })];
// Figures without a baseline (a start-up time) use `single`. Every sample function must check
// what it measured (bodies, row counts), and the benchmark must remove what it created.

export interface Bounds {
  atLeast?: number;
  atMost?: number;
}

/** What a figure should reach: a bound on the ratio to its baseline, or on the value itself. */
export interface Goal {
  ratio?: Bounds;
  value?: Bounds;
}

/** One line of bench-results.json. */
export interface Figure {
  /** Stable, dotted name (listed in the README), e.g. `http.health`. */
  name: string;
  /** Median of the subject's rounds. */
  value: number;
  unit: string;
  /** Median of the baseline's rounds; null for a figure without one. */
  baseline: number | null;
  /** value / baseline (of the medians); null without a baseline. */
  ratio: number | null;
  /** The goal in words, e.g. "ratio ≥ 0.6"; null when the figure is informational. */
  goal: string | null;
  /** Whether the goal was met in this run; null without a goal. */
  met: boolean | null;
  /** Measured rounds per side (warm-up excluded). */
  rounds: number;
  /** (max − min) / median of the per-round ratios (of the samples without a baseline). */
  spread: number;
  /** What subject and baseline are, in a few words. */
  description: string;
}

export interface Benchmark {
  /** Stable name used to select it: `npm run bench <name>`. */
  name: string;
  run(): Promise<Figure[]>;
}

export type Sample = () => number | Promise<number>;

export interface RoundOptions {
  /** Measured rounds per side; at least 3. */
  rounds?: number;
  /** Unmeasured rounds per side first, so JIT, caches and pools are warm for both. */
  warmup?: number;
}

/**
 * Runs every side `warmup` times, then `rounds` times, rotating which side goes first each
 * round. Returns each side's measured samples in round order (so ratios can be paired).
 */
export async function alternate<K extends string>(
  sides: Record<K, Sample>,
  { rounds = 5, warmup = 1 }: RoundOptions = {},
): Promise<Record<K, number[]>> {
  if (rounds < 3) throw new Error('at least three measured rounds per side');
  const keys = Object.keys(sides) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]);
    for (const key of order) {
      const sample = await sides[key]();
      if (!Number.isFinite(sample)) throw new Error(`${key}: sample is not a number (${sample})`);
      if (round >= warmup) samples[key].push(sample);
    }
  }
  return samples;
}

/** A subject against its baseline, from paired samples (same length, same round order). */
export function compare(options: {
  name: string;
  description: string;
  unit: string;
  subject: number[];
  baseline: number[];
  goal?: Goal;
}): Figure {
  const { subject, baseline } = options;
  if (subject.length !== baseline.length) throw new Error(`${options.name}: unpaired samples`);
  const value = median(subject);
  const base = median(baseline);
  const ratio = value / base;
  return {
    name: options.name,
    value,
    unit: options.unit,
    baseline: base,
    ratio,
    goal: describeGoal(options.goal, options.unit),
    met: goalMet(options.goal, value, ratio),
    rounds: subject.length,
    spread: relativeRange(subject.map((s, i) => s / baseline[i])),
    description: options.description,
  };
}

/** A figure with no baseline (a start-up time): median and spread of its samples. */
export function single(options: {
  name: string;
  description: string;
  unit: string;
  samples: number[];
  goal?: Goal;
}): Figure {
  const value = median(options.samples);
  return {
    name: options.name,
    value,
    unit: options.unit,
    baseline: null,
    ratio: null,
    goal: describeGoal(options.goal, options.unit),
    met: goalMet(options.goal, value, null),
    rounds: options.samples.length,
    spread: relativeRange(options.samples),
    description: options.description,
  };
}

export function median(xs: readonly number[]): number {
  const s = xs.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function relativeRange(xs: readonly number[]): number {
  const m = median(xs);
  return m === 0 ? 0 : (Math.max(...xs) - Math.min(...xs)) / Math.abs(m);
}

/** Operations per second of fn, called repeatedly for at least minMs. */
export async function rate(fn: () => unknown, minMs = 1000): Promise<number> {
  let ops = 0;
  const start = process.hrtime.bigint();
  let spentMs = 0;
  while (spentMs < minMs) {
    for (let i = 0; i < 100; i++) await fn();
    ops += 100;
    spentMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (ops * 1000) / spentMs;
}

/** Milliseconds fn takes (awaited). */
export async function elapsedMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function describeGoal(goal: Goal | undefined, unit: string): string | null {
  if (!goal) return null;
  const parts: string[] = [];
  const add = (what: string, b: Bounds | undefined, suffix: string) => {
    if (b?.atLeast !== undefined) parts.push(`${what} ≥ ${b.atLeast}${suffix}`);
    if (b?.atMost !== undefined) parts.push(`${what} ≤ ${b.atMost}${suffix}`);
  };
  add('ratio', goal.ratio, '×');
  add('value', goal.value, ` ${unit}`);
  return parts.join(', ');
}

function goalMet(goal: Goal | undefined, value: number, ratio: number | null): boolean | null {
  if (!goal) return null;
  const within = (x: number | null, b: Bounds | undefined) =>
    !b ||
    (x !== null &&
      (b.atLeast === undefined || x >= b.atLeast) &&
      (b.atMost === undefined || x <= b.atMost));
  return within(ratio, goal.ratio) && within(value, goal.value);
}
