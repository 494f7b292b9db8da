import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { toLocalDate } from '@craftcert/calendar';
import { addOutboxEvent, NotFoundError, RequestValidationError, Topic } from '@craftcert/platform';
import { TaskDeadlineScheduler } from '../jobs/task-deadline.scheduler';
import { WorkflowStateError } from '../domain/workflow.errors';
import { TaskRepository } from '../persistence/task.repository';
import { StageRunner } from './stage-runner';

/**
 * The secretariat gives a task more time, with a reason: its due date moves later, and its
 * reminders and escalation are scheduled for the new date (the old date's jobs then find the
 * task no longer due and write nothing for it, so nothing is sent twice).
 */
@Injectable()
export class ExtendTaskDeadlineUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly tasks: TaskRepository,
    private readonly scheduler: TaskDeadlineScheduler,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: { taskId: string; dueOn: string; reason: string }) {
    const task = await this.dataSource.transaction(async (tx) => {
      const seen = await this.tasks.task(tx, command.taskId);
      if (!seen) throw new NotFoundError(`Review task ${command.taskId}`);
      await this.runner.openStageForDecision(tx, seen.editionId, seen.stageId);
      const locked = (await this.tasks.lockTask(tx, seen.id))!;
      if (locked.status === 'decided') throw new WorkflowStateError('The task is already decided');
      if (
        command.dueOn < toLocalDate(new Date()) ||
        (locked.dueOn && command.dueOn <= locked.dueOn)
      ) {
        throw new RequestValidationError([
          {
            path: 'dueOn',
            message: `must be later than the current due date (${locked.dueOn ?? 'none'}) and not in the past`,
          },
        ]);
      }
      await this.tasks.setCurrent(tx, locked.id, {
        status: locked.status,
        decision: locked.decision,
        dueOn: command.dueOn,
      });
      await addOutboxEvent(tx, Topic.TaskExtended, {
        taskId: locked.id,
        editionId: locked.editionId,
        stageId: locked.stageId,
        dueOn: command.dueOn,
      });
      await this.audit.record(tx, {
        action: 'workflow.task-extended',
        subjectType: 'review-task',
        subjectId: locked.id,
        before: { dueOn: locked.dueOn },
        after: { dueOn: command.dueOn, reason: command.reason },
      });
      return { ...locked, dueOn: command.dueOn };
    });
    await this.scheduler.scheduleTask(task, command.dueOn);
    return { taskId: task.id, dueOn: command.dueOn };
  }
}
