import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { translateConstraintError } from '@craftcert/platform';
import {
  type AssignmentCause,
  ConflictDeclarationEntity,
  ConflictWaiverEntity,
  ReviewerRelationEntity,
  ReviewTaskEntity,
  TaskAssignmentEntity,
} from './workflow.entities';

/** Reviewers' declared relations, the secretariat's waivers and who each task was assigned to. */
@Injectable()
export class ConflictRepository {
  relationsOf(tx: EntityManager, userIds: readonly string[]): Promise<ReviewerRelationEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return tx.find(ReviewerRelationEntity, {
      where: { userId: In([...userIds]) },
      order: { declaredAt: 'ASC', id: 'ASC' },
    });
  }

  async addRelation(
    tx: EntityManager,
    row: Pick<
      ReviewerRelationEntity,
      'userId' | 'kind' | 'organisationId' | 'identityHash' | 'note'
    >,
  ): Promise<ReviewerRelationEntity> {
    try {
      return await tx.save(tx.create(ReviewerRelationEntity, row));
    } catch (error) {
      translateConstraintError(error, {
        fk_reviewer_relation_organisation: {
          code: 'NOT_FOUND',
          message: `Organisation ${row.organisationId} not found`,
        },
      });
    }
  }

  /** Reviewers who declared a conflict on the task (they are recused from it). */
  async recusedFrom(tx: EntityManager, taskId: string): Promise<Set<string>> {
    const rows = await tx.findBy(ConflictDeclarationEntity, { taskId, conflict: true });
    return new Set(rows.map((r) => r.userId));
  }

  async waivedFor(tx: EntityManager, taskId: string): Promise<Set<string>> {
    const rows = await tx.findBy(ConflictWaiverEntity, { taskId });
    return new Set(rows.map((r) => r.userId));
  }

  async addWaiver(
    tx: EntityManager,
    row: Pick<ConflictWaiverEntity, 'taskId' | 'userId' | 'reason' | 'waivedBy'>,
  ): Promise<ConflictWaiverEntity> {
    try {
      return await tx.save(tx.create(ConflictWaiverEntity, row));
    } catch (error) {
      translateConstraintError(error, {
        uq_conflict_waiver: 'That reviewer’s conflicts on this task are already waived',
      });
    }
  }

  /** Open tasks assigned to each of the users, for spreading reassignments evenly. */
  async openLoad(tx: EntityManager, userIds: readonly string[]): Promise<Map<string, number>> {
    const load = new Map(userIds.map((id) => [id, 0]));
    if (userIds.length === 0) return load;
    const rows: { userId: string; n: number }[] = await tx
      .createQueryBuilder(ReviewTaskEntity, 't')
      .select('t.assignee_user_id', 'userId')
      .addSelect('count(*)::int', 'n')
      .where('t.assignee_user_id IN (:...userIds)', { userIds: [...userIds] })
      .andWhere(`t.status <> 'decided'`)
      .groupBy('t.assignee_user_id')
      .getRawMany();
    for (const r of rows) load.set(r.userId, r.n);
    return load;
  }

  /** Gives the task to a user, or to nobody with the secretariat flagged, and records why. */
  async assign(
    tx: EntityManager,
    task: Pick<ReviewTaskEntity, 'id' | 'assigneeUserId'>,
    userId: string | null,
    cause: AssignmentCause,
    actorId: string | null,
  ): Promise<TaskAssignmentEntity> {
    await tx.update(
      ReviewTaskEntity,
      { id: task.id },
      { assigneeUserId: userId, awaitingAssignment: cause === 'flagged' },
    );
    return tx.save(
      tx.create(TaskAssignmentEntity, {
        taskId: task.id,
        userId,
        previousUserId: task.assigneeUserId,
        cause,
        actorId,
      }),
    );
  }

  /** Waivers, assignments and flagged tasks of an edition, for the secretariat's register. */
  async register(tx: EntityManager, editionId: string) {
    const waivers: {
      id: string;
      taskId: string;
      userId: string;
      reason: string;
      waivedBy: string;
      waivedAt: Date;
    }[] = await tx.query(
      `SELECT w.id, w.task_id AS "taskId", w.user_id AS "userId", w.reason, w.waived_by AS "waivedBy",
              w.waived_at AS "waivedAt"
         FROM conflict_waiver w JOIN review_task t ON t.id = w.task_id
        WHERE t.edition_id = $1 ORDER BY w.waived_at, w.id`,
      [editionId],
    );
    const assignments: {
      id: string;
      taskId: string;
      userId: string | null;
      previousUserId: string | null;
      cause: AssignmentCause;
      actorId: string | null;
      assignedAt: Date;
    }[] = await tx.query(
      `SELECT a.id, a.task_id AS "taskId", a.user_id AS "userId", a.previous_user_id AS "previousUserId",
              a.cause, a.actor_id AS "actorId", a.assigned_at AS "assignedAt"
         FROM task_assignment a JOIN review_task t ON t.id = a.task_id
        WHERE t.edition_id = $1 ORDER BY a.assigned_at, a.id`,
      [editionId],
    );
    const awaitingAssignment: { taskId: string; taskKey: string; nominationId: string }[] =
      await tx.query(
        `SELECT t.id AS "taskId", t.task_key AS "taskKey", t.nomination_id AS "nominationId"
           FROM review_task t WHERE t.edition_id = $1 AND t.awaiting_assignment ORDER BY t.created_at, t.id`,
        [editionId],
      );
    return { waivers, assignments, awaitingAssignment };
  }

  /** The department tasks of an edition still to be done, with who may act on them. */
  openDepartmentTasks(
    tx: EntityManager,
    editionId: string,
  ): Promise<
    Pick<
      ReviewTaskEntity,
      | 'id'
      | 'stageId'
      | 'taskKey'
      | 'nominationId'
      | 'candidateStageId'
      | 'organisationId'
      | 'assigneeUserId'
    >[]
  > {
    return tx.find(ReviewTaskEntity, {
      select: {
        id: true,
        stageId: true,
        taskKey: true,
        nominationId: true,
        candidateStageId: true,
        organisationId: true,
        assigneeUserId: true,
      },
      where: { editionId, assigneeKind: 'department', status: In(['open', 'paused']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
