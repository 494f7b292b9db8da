import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { benchmark as auth } from './auth.bench';
import { benchmark as eligibility } from './eligibility.bench';
import type { Benchmark, Figure } from './harness';
import { benchmark as http } from './http.bench';
import { findLeftovers } from './leftovers';
import { benchmark as notifications } from './notifications.bench';
import { benchmark as queue } from './queue.bench';
import { benchmark as scoring } from './scoring.bench';
import { benchmark as selection } from './selection.bench';
import { benchmark as signInTiming } from './sign-in-timing.bench';
import { benchmark as startup } from './startup.bench';
import { benchmark as submission } from './submission.bench';
import { benchmark as workflow } from './workflow.bench';

const ALL: Benchmark[] = [
  eligibility,
  selection,
  scoring,
  queue,
  http,
  auth,
  submission,
  signInTiming,
  startup,
  workflow,
  notifications,
];
const RESULTS = resolve('bench-results.json');

/**
 * `npm run bench [name…]`: runs every benchmark (or the named ones), prints one table of
 * figures and writes them to bench-results.json. Exits 1 when a benchmark throws or leaves
 * databases, Redis keys or temporary directories behind (the others still run).
 */
async function main(): Promise<void> {
  Logger.overrideLogger(['fatal', 'error']);
  // BullMQ's PostgreSQL backend closes on unref'd timers; keep the loop alive until we exit.
  const keepAlive = setInterval(() => undefined, 1000);
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !ALL.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; choose from ${ALL.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }
  const figures: Figure[] = [];
  const failed: string[] = [];
  for (const benchmark of ALL.filter((b) => names.length === 0 || names.includes(b.name))) {
    process.stdout.write(`running ${benchmark.name}…\n`);
    // One broken benchmark must not throw away the figures of the others: report it, go on,
    // and fail the run at the end.
    try {
      figures.push(...(await benchmark.run()));
      const left = await findLeftovers();
      if (left.length > 0) throw new Error(`left behind: ${left.join('; ')}`);
    } catch (error) {
      console.error(`${benchmark.name} failed:`, error);
      failed.push(benchmark.name);
    }
  }
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\n${table(figures)}\n\nwritten to ${RESULTS}`);
  if (failed.length > 0) console.error(`failed: ${failed.join(', ')}`);
  clearInterval(keepAlive);
  process.exit(failed.length > 0 ? 1 : 0);
}

function table(figures: Figure[]): string {
  const num = (x: number | null) =>
    x === null ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
  const rows = [
    ['figure', 'value', 'unit', 'baseline', 'ratio', 'goal', 'met', 'spread', 'rounds'],
    ...figures.map((f) => [
      f.name,
      num(f.value),
      f.unit,
      num(f.baseline),
      f.ratio === null ? '–' : `${f.ratio.toFixed(2)}×`,
      f.goal ?? '–',
      f.met === null ? '' : f.met ? 'yes' : 'NO',
      `${(f.spread * 100).toFixed(0)}%`,
      String(f.rounds),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  const described = figures.map((f) => `  ${f.name}: ${f.description}`);
  return [...lines, '', ...described].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
