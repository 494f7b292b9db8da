import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { checkJobHandlers, JobProcessor } from './job-processor';

/** Finds this process's job processors and lets their active jobs finish on shutdown. */
@Injectable()
export class WorkerLifecycle {
  private readonly logger = new Logger('Workers');

  constructor(private readonly discovery: DiscoveryService) {}

  processors(): JobProcessor[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
  }

  /**
   * Stops taking new jobs and waits for active ones up to timeoutMs. A job still running then
   * is left to BullMQ's stalled-job recovery, so it is retried elsewhere rather than lost.
   */
  async drain(timeoutMs: number): Promise<void> {
    const workers = this.processors().map((p) => p.worker);
    const closing = Promise.all(workers.map((w) => w.close()));
    const timedOut = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref()),
    ]);
    if (timedOut) {
      this.logger.warn(
        `jobs still active after ${timeoutMs} ms; leaving them to stalled-job recovery`,
      );
      await Promise.all(workers.map((w) => w.close(true)));
    }
  }
}

/** Refuses to start a worker process when a job name has no handler, or two. */
@Injectable()
export class JobWiringCheck implements OnApplicationBootstrap {
  constructor(private readonly workers: WorkerLifecycle) {}

  onApplicationBootstrap(): void {
    const problems = checkJobHandlers(
      this.workers.processors().map((p) => ({
        processor: p.constructor.name,
        queue: p.queueName,
        jobs: p.handledJobs(),
      })),
    );
    if (problems.length > 0)
      throw new Error(`Job wiring is incomplete:\n  ${problems.join('\n  ')}`);
  }
}
