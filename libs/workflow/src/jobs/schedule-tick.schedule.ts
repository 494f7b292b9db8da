import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobQueue } from '@craftcert/platform';

const TICK_MS = 60_000;

/**
 * Declares the schedule's tick (one BullMQ job scheduler, whatever the number of workers) and
 * runs it once at start, so what fell due while nothing ran is caught up at once.
 */
@Injectable()
export class ScheduleTickSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(JobName.WorkflowScheduleTick, {}, TICK_MS);
    await this.jobs.enqueue(JobName.WorkflowScheduleTick, {});
  }
}
