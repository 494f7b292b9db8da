import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { JobQueue, QueueName, Runtime, RUNTIME } from '@craftcert/platform';

@Command({ name: 'queues:status', description: 'Show job counts per queue and the backend in use' })
export class QueuesStatusCommand extends CommandRunner {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    super();
  }

  async run(): Promise<void> {
    console.log(`backend: ${this.runtime.queues.kind}`);
    const lastHour = await this.jobs.lastHour();
    for (const [queue, counts] of Object.entries(await this.jobs.counts())) {
      const summary = Object.entries(counts)
        .map(([state, n]) => `${state}=${n}`)
        .join(' ');
      const { completed, failed } = lastHour[queue as QueueName];
      console.log(`${queue}: ${summary} (last hour: completed=${completed} failed=${failed})`);
    }
  }
}
