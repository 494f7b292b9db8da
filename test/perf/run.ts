import { Logger } from '@nestjs/common';
import { formatResult } from './harness';
import { benchmark as authentication } from './auth.bench';
import { benchmark as eligibility } from './eligibility.bench';
import { benchmark as queues } from './queue.bench';
import { benchmark as selection } from './selection.bench';
import { benchmark as submission } from './submission.bench';
import { benchmark as workflow } from './workflow.bench';

/** `npm run bench`: runs every benchmark and prints each figure as a ratio to its baseline. */
async function main(): Promise<void> {
  Logger.overrideLogger(['fatal', 'error']);
  // BullMQ's PostgreSQL backend closes on unref'd timers; keep the loop alive until we exit.
  const keepAlive = setInterval(() => undefined, 1000);
  const only = process.argv[2];
  const all = [eligibility, selection, queues, authentication, submission, workflow];
  for (const benchmark of all.filter((b) => !only || b.name.includes(only))) {
    console.log(`# ${benchmark.name}`);
    for (const result of await benchmark.run()) console.log(`  ${formatResult(result)}`);
  }
  clearInterval(keepAlive);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
