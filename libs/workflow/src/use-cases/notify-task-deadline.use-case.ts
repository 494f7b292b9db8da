import { Injectable } from '@nestjs/common';
import { Topic } from '@craftcert/platform';
import { DataSource } from 'typeorm';
import { toLocalDate } from '@craftcert/calendar';
import { type DeadlineJob, DeadlineRepository } from '../persistence/deadline.repository';

/**
 * A deadline job fires: the tasks still open and due on its date get their reminder
 * (`workflow.task-due-soon`) or escalation (`workflow.task-overdue`) as outbox events for the
 * notifications context to deliver; nothing is sent from here. Idempotent: a task gets each
 * notice once per due date, however often the job runs.
 */
@Injectable()
export class NotifyTaskDeadlineUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
  ) {}

  execute(job: DeadlineJob, today: string = toLocalDate(new Date())): Promise<number> {
    // An escalation fired early (a clock ahead) must not call a task overdue on its last day.
    if (job.notice === 'overdue' && today <= job.dueOn) return Promise.resolve(0);
    const topic = job.notice === 'overdue' ? Topic.TaskOverdue : Topic.TaskDueSoon;
    return this.dataSource.transaction((tx) => this.deadlines.notice(tx, job, topic));
  }
}
