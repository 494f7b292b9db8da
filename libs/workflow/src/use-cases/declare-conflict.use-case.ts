import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, type Actor, DomainError, NotFoundError, Topic } from '@craftcert/platform';
import { mayDecide } from '../domain/task-access';
import { ConflictRepository } from '../persistence/conflict.repository';
import { TaskRepository } from '../persistence/task.repository';
import type { ConflictDeclarationEntity, ConflictKind } from '../persistence/workflow.entities';
import { ConflictCheck, describeConflicts } from './conflict-check';

export interface DeclareCommand {
  taskId: string;
  conflict: boolean;
  kind?: ConflictKind;
  reason?: string;
}

/**
 * A department reviewer declares, before opening a dossier, whether they have a conflict of
 * interest with the candidate. "No conflict" is refused while a detected one stands unwaived. A
 * conflict recuses them: the task goes to another reviewer of the department, or, with nobody
 * left, is flagged to the secretariat; either way the outbox tells the secretariat.
 */
@Injectable()
export class DeclareConflictUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly conflicts: ConflictRepository,
    private readonly check: ConflictCheck,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: DeclareCommand): Promise<ConflictDeclarationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const task = await this.tasks.lockTask(tx, command.taskId);
      if (!task || task.assigneeKind !== 'department' || !mayDecide(actor, task)) {
        throw new NotFoundError(`Review task ${command.taskId}`);
      }
      if (!command.conflict) {
        const member = { userId: actor.userId, organisationId: actor.organisationId, roles: [] };
        const found = (await this.check.blocking(tx, task, [member])).get(actor.userId)!;
        if (found.length > 0) {
          throw new DomainError(
            'CONFLICT',
            `A conflict of interest was detected: ${describeConflicts(found)}; declare it, or ask the secretariat for a waiver`,
          );
        }
      }
      const declaration = await this.tasks.declare(tx, {
        taskId: task.id,
        userId: actor.userId,
        conflict: command.conflict,
        kind: command.conflict ? (command.kind ?? 'other') : null,
        reason: command.conflict ? (command.reason ?? null) : null,
      });
      let reassignedTo: string | null = null;
      if (command.conflict) {
        reassignedTo = await this.check.nextAssignee(tx, task, [actor.userId]);
        const assignment = await this.conflicts.assign(
          tx,
          task,
          reassignedTo,
          reassignedTo ? 'recusal' : 'flagged',
          actor.userId,
        );
        await addOutboxEvent(tx, Topic.ReviewerRecused, {
          taskId: task.id,
          editionId: task.editionId,
          stageId: task.stageId,
          nominationId: task.nominationId,
          organisationId: task.organisationId,
          userId: actor.userId,
          kind: declaration.kind,
          reassignedTo,
          awaitingAssignment: assignment.cause === 'flagged',
        });
      }
      await this.audit.record(tx, {
        action: 'workflow.conflict-declared',
        subjectType: 'review-task',
        subjectId: task.id,
        before: command.conflict ? { assigneeUserId: task.assigneeUserId } : undefined,
        after: command.conflict
          ? { conflict: true, kind: declaration.kind, reassignedTo }
          : { conflict: false },
      });
      return declaration;
    });
  }
}
