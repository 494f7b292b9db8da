import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from './jobs';

export type QueueCounts = Record<string, number>;

/** Jobs finished per outcome over the last hour (from the workers' per-minute metrics). */
export interface QueueThroughput {
  completed: number;
  failed: number;
}

const HOUR_OF_MINUTES = 60;

async function finishedLastHour(queue: Queue, outcome: 'completed' | 'failed'): Promise<number> {
  const metrics = await queue.getMetrics(outcome, 0, HOUR_OF_MINUTES - 1);
  return metrics.data.reduce((total, perMinute) => total + perMinute, 0);
}

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

  async lastHour(): Promise<Record<QueueName, QueueThroughput>> {
    const entries = await Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.queue(name);
        return [
          name,
          {
            completed: await finishedLastHour(queue, 'completed'),
            failed: await finishedLastHour(queue, 'failed'),
          },
        ];
      }),
    );
    return Object.fromEntries(entries) as Record<QueueName, QueueThroughput>;
  }

  /** Every queue's counts in Prometheus's text format, labelled by queue. */
  async prometheus(): Promise<string> {
    const texts = await Promise.all(
      Object.values(QueueName).map((name) => this.queue(name).exportPrometheusMetrics()),
    );
    // Each queue repeats the HELP and TYPE lines; the format allows each only once per metric.
    const lines = texts.flatMap((text) => text.split('\n')).filter(Boolean);
    return `${[...new Set(lines)].join('\n')}\n`;
  }
}
