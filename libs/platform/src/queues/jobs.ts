import { type DefaultJobOptions, MetricsTime } from 'bullmq';

/**
 * The one place that names queues and jobs. Values are stored in job rows and Redis keys:
 * never rename one once shipped, add a new one instead.
 */
export enum QueueName {
  System = 'system',
  Audit = 'audit',
  Workflow = 'workflow',
  Notifications = 'notifications',
}

export enum JobName {
  SystemPing = 'system.ping',
  AuditCheckpoint = 'audit.checkpoint',
  /** A stage's calendar has run out: close it if its conditions hold, else escalate. */
  WorkflowStageEnd = 'workflow.stage-end',
  /** A stage's last day has begun: remind the owners of open tasks. */
  WorkflowStageReminder = 'workflow.stage-reminder',
  /** Runs the scheduled transitions that have fallen due (editions opening, stages entering or closing). */
  WorkflowScheduleTick = 'workflow.schedule-tick',
  /** A committed outbox event, relayed: resolve its recipients and create its deliveries. */
  NotificationDispatch = 'notifications.dispatch',
  /** One delivery (an e-mail or a webhook call), sent at most once by its idempotency key. */
  NotificationDeliver = 'notifications.deliver',
  /** A task's reminder day (3 and 1 working days before it is due) or its first overdue day. */
  WorkflowTaskDeadline = 'workflow.task-deadline',
}

/** Each job name maps to exactly one payload type. */
export interface JobPayloads {
  [JobName.SystemPing]: { note?: string; delayMs?: number };
  [JobName.AuditCheckpoint]: Record<string, never>;
  [JobName.WorkflowStageEnd]: { editionId: string; stageId: string };
  [JobName.WorkflowStageReminder]: { editionId: string; stageId: string };
  [JobName.WorkflowScheduleTick]: Record<string, never>;
  [JobName.NotificationDispatch]: { eventId: string; topic: string; payload: unknown };
  [JobName.NotificationDeliver]: { deliveryId: string };
  [JobName.WorkflowTaskDeadline]: {
    editionId: string;
    stageId: string;
    /** The due date the notice is for: a task whose date has moved since gets no notice. */
    dueOn: string;
    notice: 'reminder-3' | 'reminder-1' | 'overdue';
    /** One task (after an extension or a resumed clock); absent: every task of the stage. */
    taskId?: string;
  };
}

/** Which queue carries each job. */
export const JOB_QUEUES: Record<JobName, QueueName> = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.AuditCheckpoint]: QueueName.Audit,
  [JobName.WorkflowStageEnd]: QueueName.Workflow,
  [JobName.WorkflowStageReminder]: QueueName.Workflow,
  [JobName.WorkflowScheduleTick]: QueueName.Workflow,
  [JobName.NotificationDispatch]: QueueName.Notifications,
  [JobName.NotificationDeliver]: QueueName.Notifications,
  [JobName.WorkflowTaskDeadline]: QueueName.Workflow,
};

export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };

/** Defaults for every job: retried with backoff, kept long enough to inspect, then pruned. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Options every processor passes to its worker: its concurrency, and per-minute counts of
 * completed and failed jobs kept for a week (read by `queues:status` and a worker's /metrics).
 */
export function workerOptions(concurrency: number) {
  return { concurrency, metrics: { maxDataPoints: MetricsTime.ONE_WEEK } };
}
