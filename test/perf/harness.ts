/**
 * Every benchmark measures its subject and a baseline in the same run and reports the ratio,
 * because absolute figures on shared 2-core machines are too noisy to compare between runs.
 */
export interface BenchmarkResult {
  /** What was measured, e.g. "eligibility evaluations/s (engine vs hand-written)". */
  name: string;
  unit: string;
  subject: number;
  baseline: number;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchmarkResult[]>;
}

/** Runs fn repeatedly for at least minMs and returns operations per second. */
export async function measureRate(fn: () => unknown, minMs = 1000): Promise<number> {
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (let i = 0; i < 100; i++) await fn();
    ops += 100;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (ops * 1000) / elapsedMs;
}

export function formatResult(r: BenchmarkResult): string {
  const ratio = r.baseline === 0 ? NaN : r.subject / r.baseline;
  return `${r.name}: ${r.subject.toFixed(1)} vs baseline ${r.baseline.toFixed(1)} ${r.unit} → ratio ${ratio.toFixed(2)}×`;
}
