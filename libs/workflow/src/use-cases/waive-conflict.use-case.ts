import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findMember } from '@craftcert/identity';
import { addOutboxEvent, DomainError, NotFoundError, Topic } from '@craftcert/platform';
import { ConflictRepository } from '../persistence/conflict.repository';
import { TaskRepository } from '../persistence/task.repository';
import type { ConflictWaiverEntity } from '../persistence/workflow.entities';
import { ConflictCheck } from './conflict-check';

/**
 * The secretariat waives the conflicts detected between a reviewer and a task's candidate, with
 * its reason (e.g. a former employer left decades ago). Only detected conflicts can be waived: a
 * reviewer's own declaration of a conflict stands.
 */
@Injectable()
export class WaiveConflictUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly conflicts: ConflictRepository,
    private readonly check: ConflictCheck,
    private readonly audit: AuditLog,
  ) {}

  execute(
    actorId: string,
    command: { taskId: string; userId: string; reason: string },
  ): Promise<ConflictWaiverEntity> {
    return this.dataSource.transaction(async (tx) => {
      const task = await this.tasks.lockTask(tx, command.taskId);
      if (!task || task.assigneeKind !== 'department') {
        throw new NotFoundError(`Review task ${command.taskId}`);
      }
      const member = await findMember(tx, command.userId);
      const found = member
        ? (await this.check.detect(tx, [task], [member])).get(`${task.id}:${member.userId}`)
        : undefined;
      if (!found) {
        throw new DomainError(
          'CONFLICT',
          `No conflict of interest is detected between userId ${command.userId} and this task's candidate`,
        );
      }
      const waiver = await this.conflicts.addWaiver(tx, {
        taskId: task.id,
        userId: command.userId,
        reason: command.reason,
        waivedBy: actorId,
      });
      await addOutboxEvent(tx, Topic.ConflictWaived, {
        taskId: task.id,
        editionId: task.editionId,
        userId: command.userId,
      });
      await this.audit.record(tx, {
        action: 'workflow.conflict-waived',
        subjectType: 'review-task',
        subjectId: task.id,
        after: {
          userId: command.userId,
          waiverId: waiver.id,
          conflicts: found.map((c) => ({ tie: c.tie, position: c.position })),
        },
      });
      return waiver;
    });
  }
}
