import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findMember } from '@craftcert/identity';
import { addOutboxEvent, DomainError, NotFoundError, Topic } from '@craftcert/platform';
import type { DetectedConflict } from '../domain/conflict-detection';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ConflictRepository } from '../persistence/conflict.repository';
import { TaskRepository } from '../persistence/task.repository';
import type { TaskAssignmentEntity } from '../persistence/workflow.entities';
import { ConflictCheck, describeConflicts } from './conflict-check';

/**
 * The secretariat gives a department task to one of the department's reviewers. A conflict of
 * interest detected from the hierarchy or the reviewer's profile blocks it (unless waived): the
 * refusal is audited on its own, since the assignment itself rolls back.
 */
@Injectable()
export class AssignReviewTaskUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly conflicts: ConflictRepository,
    private readonly check: ConflictCheck,
    private readonly audit: AuditLog,
  ) {}

  async execute(actorId: string, taskId: string, userId: string): Promise<TaskAssignmentEntity> {
    const outcome: { assignment?: TaskAssignmentEntity; blocked: DetectedConflict[] | null } =
      await this.dataSource.transaction(async (tx) => {
        const task = await this.tasks.lockTask(tx, taskId);
        if (!task || task.assigneeKind !== 'department')
          throw new NotFoundError(`Review task ${taskId}`);
        if (task.status === 'decided') throw new WorkflowStateError('The task is already decided');
        const member = await findMember(tx, userId);
        if (
          !member ||
          member.organisationId !== task.organisationId ||
          !member.roles.includes('departmentReviewer')
        ) {
          throw new DomainError(
            'CONFLICT',
            `userId ${userId} is not a reviewer of the department that owns the task`,
          );
        }
        if ((await this.conflicts.recusedFrom(tx, task.id)).has(userId)) {
          throw new DomainError(
            'CONFLICT',
            'That reviewer declared a conflict on this task and is recused',
          );
        }
        const found = (await this.check.blocking(tx, task, [member])).get(userId)!;
        if (found.length > 0) return { blocked: found };
        const assignment = await this.conflicts.assign(tx, task, userId, 'assigned', actorId);
        await addOutboxEvent(tx, Topic.TaskAssigned, {
          taskId: task.id,
          editionId: task.editionId,
          stageId: task.stageId,
          userId,
        });
        await this.audit.record(tx, {
          action: 'workflow.task-assigned',
          subjectType: 'review-task',
          subjectId: task.id,
          before: { assigneeUserId: task.assigneeUserId },
          after: { assigneeUserId: userId },
        });
        return { assignment, blocked: null };
      });
    if (!outcome.blocked) return outcome.assignment!;
    const found = outcome.blocked;
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        action: 'workflow.assignment-blocked',
        subjectType: 'review-task',
        subjectId: taskId,
        after: {
          userId,
          conflicts: found.map((c) => ({
            tie: c.tie,
            position: c.position,
            organisationId: c.organisationId,
          })),
        },
      }),
    );
    throw new DomainError(
      'CONFLICT',
      `userId ${userId} cannot be assigned: ${describeConflicts(found)}`,
    );
  }
}
