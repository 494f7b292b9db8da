import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from './jobs';

export type QueueCounts = Record<string, number>;

/** Typed entry point for enqueueing: the job name fixes both the queue and the payload type. */
@Injectable()
export class JobQueue {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /**
   * Adds a job. Pass a deterministic `jobId` to make enqueueing idempotent: a second add with
   * the same id while the first is kept is a no-op.
   */
  async enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: Pick<JobsOptions, 'jobId' | 'delay' | 'priority'> = {},
  ): Promise<string> {
    const job = await this.queue(JOB_QUEUES[name]).add(name, data, options);
    return String(job.id);
  }

  /**
   * Adds many jobs of one name in one round trip, each with its deterministic id (a job whose
   * id is kept already is not added again). `retry` overrides the attempts and backoff.
   */
  async enqueueMany<N extends JobName>(
    name: N,
    items: readonly { jobId: string; data: JobPayloads[N] }[],
    retry: Pick<JobsOptions, 'attempts' | 'backoff'> = {},
  ): Promise<void> {
    if (items.length === 0) return;
    await this.queue(JOB_QUEUES[name]).addBulk(
      items.map((item) => ({ name, data: item.data, opts: { jobId: item.jobId, ...retry } })),
    );
  }

  /**
   * Runs a job every `everyMs` as a BullMQ job scheduler named after the job: every replica
   * declares the same one, so it exists once and fires once per interval, whatever the number
   * of processes.
   */
  async schedule<N extends JobName>(name: N, data: JobPayloads[N], everyMs: number): Promise<void> {
    await this.queue(JOB_QUEUES[name]).upsertJobScheduler(name, { every: everyMs }, { name, data });
  }

  async counts(): Promise<Record<QueueName, QueueCounts>> {
    const entries = await Promise.all(
      Object.values(QueueName).map(
        async (name) =>
          [
            name,
            await this.queue(name).getJobCounts(
              'waiting',
              'active',
              'delayed',
              'completed',
              'failed',
            ),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<QueueName, QueueCounts>;
  }
}
