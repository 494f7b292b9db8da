import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from './jobs';

export type JobHandlers = {
  [N in JobName]?: (data: JobPayloads[N], job: Job<JobPayloads[N]>) => Promise<unknown>;
};

/**
 * A BullMQ processor for one queue that dispatches by job name. Subclasses stay thin: each
 * handler calls a use case.
 */
export abstract class JobProcessor extends WorkerHost {
  abstract readonly queueName: QueueName;
  protected abstract readonly handlers: JobHandlers;

  handledJobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    // A job nobody handles will never succeed: fail it now rather than retrying.
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job.data, job);
  }
}

export interface ProcessorRegistration {
  processor: string;
  queue: QueueName;
  jobs: JobName[];
}

/**
 * Every job name must have exactly one handler, on the queue that carries it. Returns the
 * problems found; an empty list means the wiring is complete.
 */
export function checkJobHandlers(registrations: ProcessorRegistration[]): string[] {
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const owners = registrations.filter((r) => r.jobs.includes(name));
    if (owners.length === 0) problems.push(`job ${name} has no handler`);
    if (owners.length > 1) {
      problems.push(
        `job ${name} has ${owners.length} handlers: ${owners.map((o) => o.processor).join(', ')}`,
      );
    }
    for (const owner of owners.filter((o) => o.queue !== JOB_QUEUES[name])) {
      problems.push(
        `job ${name} is handled by ${owner.processor} on queue ${owner.queue}, but is sent to ${JOB_QUEUES[name]}`,
      );
    }
  }
  return problems;
}
