import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import type { TaskDecision, TaskState } from '@craftcert/pipeline';
import { translateConstraintError } from '@craftcert/platform';
import type { TaskStatus } from '../domain/task-status';
import {
  CandidateStageEntity,
  ConflictDeclarationEntity,
  type ChecklistAnswer,
  InformationRequestEntity,
  ReviewDecisionEntity,
  ReviewTaskEntity,
} from './workflow.entities';

/** Reviews tasks, their decisions and the requests for information they raise. */
@Injectable()
export class TaskRepository {
  task(tx: EntityManager, taskId: string): Promise<ReviewTaskEntity | null> {
    return tx.findOneBy(ReviewTaskEntity, { id: taskId });
  }

  lockTask(tx: EntityManager, taskId: string): Promise<ReviewTaskEntity | null> {
    return tx.findOne(ReviewTaskEntity, {
      where: { id: taskId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  lockCandidate(tx: EntityManager, candidateStageId: string): Promise<CandidateStageEntity | null> {
    return tx.findOne(CandidateStageEntity, {
      where: { id: candidateStageId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The current decision of every task of the given candidates, with its reason, for the outcome rules. */
  async taskStates(
    tx: EntityManager,
    candidateStageIds: readonly string[],
  ): Promise<Map<string, TaskState[]>> {
    const byCandidate = new Map<string, TaskState[]>(candidateStageIds.map((id) => [id, []]));
    if (candidateStageIds.length === 0) return byCandidate;
    const rows: {
      candidate_stage_id: string;
      task_key: string;
      label: TaskState['label'];
      decision: TaskDecision | null;
      reason: string | null;
    }[] = await tx.query(
      `SELECT t.candidate_stage_id, t.task_key, t.label, t.decision, d.reason
         FROM review_task t LEFT JOIN review_decision d ON d.id = t.current_decision_id
        WHERE t.candidate_stage_id = ANY($1::uuid[])
        ORDER BY t.candidate_stage_id, t.created_at, t.task_key`,
      [candidateStageIds],
    );
    for (const r of rows) {
      byCandidate.get(r.candidate_stage_id)!.push({
        key: r.task_key,
        label: r.label,
        decision: r.decision,
        ...(r.reason ? { reason: r.reason } : {}),
      });
    }
    return byCandidate;
  }

  /** Records a decision; a second amendment of the same decision is refused by its unique key. */
  async addDecision(
    tx: EntityManager,
    row: {
      taskId: string;
      decision: TaskDecision;
      reason: string;
      checklist: ChecklistAnswer[];
      supersedesId: string | null;
      decidedBy: string;
    },
  ): Promise<ReviewDecisionEntity> {
    try {
      return await tx.save(tx.create(ReviewDecisionEntity, row));
    } catch (error) {
      translateConstraintError(error, {
        uq_review_decision_supersedes: {
          code: 'INVALID_TRANSITION',
          message: 'That decision has already been superseded; amend the current decision',
        },
      });
    }
  }

  async setCurrent(
    tx: EntityManager,
    taskId: string,
    fields: {
      status: TaskStatus;
      decision: TaskDecision | null;
      currentDecisionId?: string;
      dueOn?: string | null;
    },
  ): Promise<void> {
    await tx.update(ReviewTaskEntity, { id: taskId }, fields);
  }

  decisions(tx: EntityManager, taskIds: readonly string[]): Promise<ReviewDecisionEntity[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return tx.find(ReviewDecisionEntity, {
      where: { taskId: In([...taskIds]) },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
  }

  async addInformationRequest(
    tx: EntityManager,
    row: Pick<
      InformationRequestEntity,
      'taskId' | 'decisionId' | 'organisationId' | 'question' | 'dueOn'
    >,
  ): Promise<InformationRequestEntity> {
    return tx.save(tx.create(InformationRequestEntity, row));
  }

  lockOpenRequest(tx: EntityManager, requestId: string): Promise<InformationRequestEntity | null> {
    return tx.findOne(InformationRequestEntity, {
      where: { id: requestId, answeredAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  request(tx: EntityManager, requestId: string): Promise<InformationRequestEntity | null> {
    return tx.findOneBy(InformationRequestEntity, { id: requestId });
  }

  async answerRequest(
    tx: EntityManager,
    requestId: string,
    answer: string,
    answeredBy: string,
  ): Promise<void> {
    await tx.update(
      InformationRequestEntity,
      { id: requestId },
      { answer, answeredBy, answeredAt: () => 'now()' },
    );
  }

  requests(tx: EntityManager, taskIds: readonly string[]): Promise<InformationRequestEntity[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return tx.find(InformationRequestEntity, {
      where: { taskId: In([...taskIds]) },
      order: { askedAt: 'ASC' },
    });
  }

  declaration(
    tx: EntityManager,
    taskId: string,
    userId: string,
  ): Promise<ConflictDeclarationEntity | null> {
    return tx.findOneBy(ConflictDeclarationEntity, { taskId, userId });
  }

  /** One declaration per reviewer and task: a second one is refused, never overwrites the first. */
  async declare(
    tx: EntityManager,
    row: Pick<ConflictDeclarationEntity, 'taskId' | 'userId' | 'conflict' | 'kind' | 'reason'>,
  ): Promise<ConflictDeclarationEntity> {
    try {
      return await tx.save(tx.create(ConflictDeclarationEntity, row));
    } catch (error) {
      translateConstraintError(error, {
        uq_conflict_declaration:
          'You have already declared on this task; a declaration is not changed',
      });
    }
  }

  /** Every declaration on an edition's tasks, for the secretariat before work starts. */
  declarations(
    tx: EntityManager,
    editionId: string,
  ): Promise<
    {
      id: string;
      taskId: string;
      stageId: string;
      taskKey: string;
      nominationId: string;
      userId: string;
      conflict: boolean;
      kind: string | null;
      reason: string | null;
      declaredAt: Date;
    }[]
  > {
    return tx.query(
      `SELECT d.id, d.task_id AS "taskId", t.stage_id AS "stageId", t.task_key AS "taskKey",
              t.nomination_id AS "nominationId", d.user_id AS "userId", d.conflict, d.kind, d.reason,
              d.declared_at AS "declaredAt"
         FROM conflict_declaration d JOIN review_task t ON t.id = d.task_id
        WHERE t.edition_id = $1 ORDER BY d.conflict DESC, d.declared_at`,
      [editionId],
    );
  }
}
