import { hostname } from 'node:os';
import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { JobHandlers, JobProcessor } from '../queues/job-processor';
import { JobName, QueueName, workerOptions } from '../queues/jobs';

export const PING_CONCURRENCY = 5;

/**
 * `system.ping` proves the whole job path (enqueue → backend → worker → database). It records
 * each execution, idempotently per job id, so tests can see a job ran exactly once.
 */
@Processor(QueueName.System, workerOptions(PING_CONCURRENCY))
export class SystemPingProcessor extends JobProcessor {
  readonly queueName = QueueName.System;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.SystemPing]: async (data, job) => {
      if (data.delayMs) await new Promise((r) => setTimeout(r, data.delayMs));
      await this.dataSource.query(
        `INSERT INTO system_ping (job_id, processed_by) VALUES ($1, $2)
         ON CONFLICT (job_id) DO UPDATE SET runs = system_ping.runs + 1, processed_at = now()`,
        [job.id, `${hostname()}:${process.pid}`],
      );
      return { pong: data.note ?? 'pong' };
    },
  };
}
