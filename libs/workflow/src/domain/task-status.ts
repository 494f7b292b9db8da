import type { TaskDecision } from '@craftcert/pipeline';

/**
 * Where a review task stands: `open` until decided; `paused` while the nominating unit answers a
 * request for more information (the task's clock stops); `decided` once approved or rejected (an
 * amendment may still supersede the decision while the stage is open).
 */
export const TASK_STATUSES = ['open', 'paused', 'decided'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_DECISIONS: readonly TaskDecision[] = ['approve', 'reject', 'requestInfo'];

/** Who a task belongs to: the secretariat, a mapped department, or the approving body. */
export const ASSIGNEE_KINDS = ['secretariat', 'department', 'approver'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

export function taskStatusAfter(decision: TaskDecision): TaskStatus {
  return decision === 'requestInfo' ? 'paused' : 'decided';
}

export const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
