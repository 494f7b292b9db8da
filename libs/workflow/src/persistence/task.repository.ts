import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import type { TaskDecision, TaskState } from '@craftcert/pipeline';
import { translateConstraintError } from '@craftcert/platform';
import type { AssigneeKind } from '../domain/task-status';
import type { TaskStatus } from '../domain/task-status';
import {
  CandidateStageEntity,
  ConflictDeclarationEntity,
  type ChecklistAnswer,
  InformationRequestEntity,
  ReviewDecisionEntity,
  ReviewTaskEntity,
} from './workflow.entities';

/** What deciding needs to know of a task before any lock: who owns it, where it is. */
export interface TaskOwner {
  id: string;
  editionId: string;
  stageId: string;
  candidateStageId: string;
  assigneeKind: AssigneeKind;
  organisationId: string | null;
  assigneeUserId: string | null;
}

export interface LockedCandidate {
  id: string;
  status: CandidateStageEntity['status'];
  nominatingOrganisationId: string | null;
  settled: boolean;
}

export interface LockedTask {
  id: string;
  editionId: string;
  stageId: string;
  nominationId: string;
  organisationId: string | null;
  checklist: ReviewTaskEntity['checklist'];
  status: TaskStatus;
  decision: TaskDecision | null;
  currentDecisionId: string | null;
}

/** Reviews tasks, their decisions and the requests for information they raise. */
@Injectable()
export class TaskRepository {
  task(tx: EntityManager, taskId: string): Promise<ReviewTaskEntity | null> {
    return tx.findOneBy(ReviewTaskEntity, { id: taskId });
  }

  /** A task and the caller's conflict declaration on it, in one read (no lock). */
  async taskWithDeclaration(
    tx: EntityManager,
    taskId: string,
    userId: string,
  ): Promise<{ task: TaskOwner; declaration: { conflict: boolean } | null } | null> {
    const [row]: (TaskOwner & { conflict: boolean | null })[] = await tx.query(
      `SELECT t.id, t.edition_id AS "editionId", t.stage_id AS "stageId",
              t.candidate_stage_id AS "candidateStageId", t.assignee_kind AS "assigneeKind",
              t.organisation_id AS "organisationId", t.assignee_user_id AS "assigneeUserId", d.conflict
         FROM review_task t LEFT JOIN conflict_declaration d ON d.task_id = t.id AND d.user_id = $2
        WHERE t.id = $1`,
      [taskId, userId],
    );
    if (!row) return null;
    const { conflict, ...task } = row;
    return { task, declaration: conflict === null ? null : { conflict } };
  }

  /**
   * Locks a candidate and one of their tasks in one statement (candidate first, as every
   * decision does, so two departments deciding at once queue on the candidate).
   */
  async lockCandidateAndTask(
    tx: EntityManager,
    candidateStageId: string,
    taskId: string,
  ): Promise<{ candidate: LockedCandidate; task: LockedTask } | null> {
    const [row]: (LockedTask & {
      candidateStatus: LockedCandidate['status'];
      nominatingOrganisationId: string | null;
      settled: boolean;
    })[] = await tx.query(
      `SELECT t.id, t.edition_id AS "editionId", t.stage_id AS "stageId", t.nomination_id AS "nominationId",
              t.organisation_id AS "organisationId", t.checklist, t.status, t.decision,
              t.current_decision_id AS "currentDecisionId",
              c.status AS "candidateStatus", c.nominating_organisation_id AS "nominatingOrganisationId",
              c.settled_at IS NOT NULL AS settled
         FROM candidate_stage c JOIN review_task t ON t.candidate_stage_id = c.id
        WHERE c.id = $1 AND t.id = $2
          FOR UPDATE OF c, t`,
      [candidateStageId, taskId],
    );
    if (!row) return null;
    const { candidateStatus, nominatingOrganisationId, settled, ...task } = row;
    return {
      candidate: {
        id: candidateStageId,
        status: candidateStatus,
        nominatingOrganisationId,
        settled,
      },
      task,
    };
  }

  /**
   * Records a decision, makes it the task's current one and reads the current decisions of all
   * the candidate's tasks (this one included) for the join — one statement. A second amendment of
   * the same decision is refused by its unique key.
   */
  async recordDecision(
    tx: EntityManager,
    row: {
      taskId: string;
      decision: TaskDecision;
      reason: string;
      checklist: ChecklistAnswer[];
      supersedesId: string | null;
      decidedBy: string;
      status: TaskStatus;
    },
    candidateStageId: string,
  ): Promise<{ decision: ReviewDecisionEntity; states: TaskState[] }> {
    try {
      const [result]: {
        decision: {
          id: string;
          task_id: string;
          decision: TaskDecision;
          reason: string;
          checklist: ChecklistAnswer[];
          supersedes_id: string | null;
          decided_by: string | null;
          decided_at: string;
        };
        states: {
          key: string;
          label: TaskState['label'];
          decision: TaskDecision | null;
          reason: string | null;
        }[];
      }[] = await tx.query(
        `WITH d AS (
           INSERT INTO review_decision (task_id, decision, reason, checklist, supersedes_id, decided_by)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING *
         ), u AS (
           UPDATE review_task SET status = $7, decision = $2, current_decision_id = (SELECT id FROM d),
                  updated_at = now()
            WHERE id = $1 RETURNING id
         )
         SELECT (SELECT row_to_json(d) FROM d) AS decision,
                (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                          'key', t.task_key, 'label', t.label,
                          'decision', CASE WHEN t.id = $1 THEN $2 ELSE t.decision END,
                          'reason', CASE WHEN t.id = $1 THEN $3 ELSE cd.reason END)
                        ORDER BY t.created_at, t.task_key), '[]')
                   FROM review_task t LEFT JOIN review_decision cd ON cd.id = t.current_decision_id
                  WHERE t.candidate_stage_id = $8) AS states
           FROM u`,
        [
          row.taskId,
          row.decision,
          row.reason,
          JSON.stringify(row.checklist),
          row.supersedesId,
          row.decidedBy,
          row.status,
          candidateStageId,
        ],
      );
      const d = result.decision;
      return {
        decision: Object.assign(new ReviewDecisionEntity(), {
          id: d.id,
          taskId: d.task_id,
          decision: d.decision,
          reason: d.reason,
          checklist: d.checklist,
          supersedesId: d.supersedes_id,
          decidedBy: d.decided_by,
          decidedAt: new Date(d.decided_at),
        }),
        states: result.states.map((s) => ({
          key: s.key,
          label: s.label,
          decision: s.decision,
          ...(s.reason ? { reason: s.reason } : {}),
        })),
      };
    } catch (error) {
      translateConstraintError(error, {
        uq_review_decision_supersedes: {
          code: 'INVALID_TRANSITION',
          message: 'That decision has already been superseded; amend the current decision',
        },
      });
    }
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
