import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, type Actor, NotFoundError, Topic } from '@craftcert/platform';
import { mayDecide } from '../domain/task-access';
import { TaskRepository } from '../persistence/task.repository';
import type { ConflictDeclarationEntity, ConflictKind } from '../persistence/workflow.entities';

export interface DeclareCommand {
  taskId: string;
  conflict: boolean;
  kind?: ConflictKind;
  reason?: string;
}

/**
 * A department reviewer declares, before opening a dossier, whether they have a conflict of
 * interest with the candidate. A conflict recuses them: the task stays with the department for
 * another member, and the secretariat is told through the outbox.
 */
@Injectable()
export class DeclareConflictUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: DeclareCommand): Promise<ConflictDeclarationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const task = await this.tasks.task(tx, command.taskId);
      if (!task || task.assigneeKind !== 'department' || !mayDecide(actor, task)) {
        throw new NotFoundError(`Review task ${command.taskId}`);
      }
      const declaration = await this.tasks.declare(tx, {
        taskId: task.id,
        userId: actor.userId,
        conflict: command.conflict,
        kind: command.conflict ? (command.kind ?? 'other') : null,
        reason: command.conflict ? (command.reason ?? null) : null,
      });
      if (command.conflict) {
        await addOutboxEvent(tx, Topic.ReviewerRecused, {
          taskId: task.id,
          editionId: task.editionId,
          stageId: task.stageId,
          nominationId: task.nominationId,
          organisationId: task.organisationId,
          userId: actor.userId,
          kind: declaration.kind,
        });
      }
      await this.audit.record(tx, {
        action: 'workflow.conflict-declared',
        subjectType: 'review-task',
        subjectId: task.id,
        after: { conflict: command.conflict, kind: declaration.kind },
      });
      return declaration;
    });
  }
}
