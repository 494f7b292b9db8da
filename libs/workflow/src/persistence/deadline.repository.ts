import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { outboxInsertSql } from '@craftcert/platform';
import type { DeadlineNotice } from '../domain/task-deadlines';

export interface DeadlineJob {
  editionId: string;
  stageId: string;
  dueOn: string;
  notice: DeadlineNotice;
  taskId?: string;
}

/** Deadline notices: written once per task, notice and due date, with their outbox events. */
@Injectable()
export class DeadlineRepository {
  /**
   * In one statement: the open tasks (not paused, not decided) of an open stage still due on the
   * job's date get the notice, once, and an outbox event each (ids only: no personal data).
   * Returns how many were noticed now.
   */
  async notice(tx: EntityManager, job: DeadlineJob, topic: string): Promise<number> {
    const payload = `jsonb_build_object('taskId', due.id, 'editionId', due.edition_id, 'stageId', due.stage_id,
      'nominationId', due.nomination_id, 'organisationId', due.organisation_id,
      'assigneeUserId', due.assignee_user_id, 'dueOn', to_char(due.due_on, 'YYYY-MM-DD'), 'notice', $4::text)`;
    const [{ n }]: { n: number }[] = await tx.query(
      `WITH due AS (
         SELECT t.id, t.edition_id, t.stage_id, t.nomination_id, t.organisation_id, t.assignee_user_id, t.due_on
           FROM review_task t JOIN workflow_stage s ON s.edition_id = t.edition_id AND s.stage_id = t.stage_id
          WHERE t.edition_id = $1 AND t.stage_id = $2 AND t.due_on = $3::date AND t.status = 'open'
            AND s.phase = 'open' AND ($5::uuid IS NULL OR t.id = $5::uuid)
       ), noted AS (
         INSERT INTO task_deadline_notice (task_id, notice, due_on)
         SELECT id, $4, $3::date FROM due ON CONFLICT DO NOTHING RETURNING task_id
       ), events AS (
         ${outboxInsertSql('$6', payload, 'FROM due JOIN noted ON noted.task_id = due.id')} RETURNING 1
       )
       SELECT count(*)::int AS n FROM events`,
      [job.editionId, job.stageId, job.dueOn, job.notice, job.taskId ?? null, topic],
    );
    return n;
  }
}
