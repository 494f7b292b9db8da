import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CandidateStageStatus,
  Explanation,
  LocalizedText,
  TaskDecision,
} from '@craftcert/pipeline';
import type { Actor } from '@craftcert/platform';
import type { AssigneeKind, TaskStatus } from '../domain/task-status';

export interface StageRowView {
  stageId: string;
  phase: 'open' | 'closed';
  dueOn: string | null;
  enteredAt: Date;
  closedAt: Date | null;
  counts: Partial<Record<CandidateStageStatus, number>>;
}

export interface CandidateView {
  id: string;
  nominationId: string;
  status: CandidateStageStatus;
  explanation: Explanation;
  escalated: boolean;
  tasks: { key: string; status: TaskStatus; decision: TaskDecision | null }[];
}

export interface TaskView {
  id: string;
  editionId: string;
  stageId: string;
  nominationId: string;
  taskKey: string;
  assigneeKind: AssigneeKind;
  organisationId: string | null;
  assigneeUserId: string | null;
  awaitingAssignment: boolean;
  label: LocalizedText;
  status: TaskStatus;
  decision: TaskDecision | null;
  dueOn: string | null;
  overdue: boolean;
  candidateStatus: CandidateStageStatus;
}

export interface InboxFilter {
  editionId?: string;
  stageId?: string;
  status?: TaskStatus;
  /** Only tasks due on or before this local date. */
  dueBy?: string;
  limit: number;
  offset: number;
}

export interface ProgressRow {
  group: string;
  done: number;
  pending: number;
  paused: number;
  overdue: number;
}

const TASK_COLUMNS = `t.id, t.edition_id AS "editionId", t.stage_id AS "stageId", t.nomination_id AS "nominationId",
  t.task_key AS "taskKey", t.assignee_kind AS "assigneeKind", t.organisation_id AS "organisationId",
  t.assignee_user_id AS "assigneeUserId", t.awaiting_assignment AS "awaitingAssignment", t.label, t.status, t.decision, to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn",
  (t.status <> 'decided' AND t.due_on < $1::date) AS overdue, c.status AS "candidateStatus"`;

/** Read side of the workflow: plain SQL, no entity hydration. */
@Injectable()
export class WorkflowQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisations that own tasks in a stage: whose members are assigned to it. */
  async stageAssignees(editionId: string, stageId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT organisation_id AS id FROM review_task
        WHERE edition_id = $1 AND stage_id = $2 AND organisation_id IS NOT NULL`,
      [editionId, stageId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async stages(editionId: string): Promise<StageRowView[]> {
    return this.dataSource.query(
      `SELECT s.stage_id AS "stageId", s.phase, to_char(s.due_on, 'YYYY-MM-DD') AS "dueOn",
              s.entered_at AS "enteredAt", s.closed_at AS "closedAt",
              COALESCE((SELECT jsonb_object_agg(status, n) FROM (
                 SELECT status, count(*)::int AS n FROM candidate_stage c
                  WHERE c.edition_id = s.edition_id AND c.stage_id = s.stage_id GROUP BY status) x), '{}') AS counts
         FROM workflow_stage s WHERE s.edition_id = $1`,
      [editionId],
    );
  }

  async candidates(editionId: string, stageId: string): Promise<CandidateView[]> {
    return this.dataSource.query(
      `SELECT c.id, c.nomination_id AS "nominationId", c.status, c.explanation, c.escalated,
              COALESCE(jsonb_agg(jsonb_build_object('key', t.task_key, 'status', t.status, 'decision', t.decision)
                ORDER BY t.created_at, t.task_key) FILTER (WHERE t.id IS NOT NULL), '[]') AS tasks
         FROM candidate_stage c LEFT JOIN review_task t ON t.candidate_stage_id = c.id
        WHERE c.edition_id = $1 AND c.stage_id = $2
        GROUP BY c.id ORDER BY c.entered_at, c.nomination_id`,
      [editionId, stageId],
    );
  }

  /** The actor's own tasks: their department's (or assigned to them), or the secretariat's for its admins. */
  async inbox(actor: Actor, today: string, filter: InboxFilter): Promise<TaskView[]> {
    const params: unknown[] = [
      today,
      actor.organisationId,
      actor.roles.includes('departmentReviewer'),
      actor.roles.includes('secretariatAdmin'),
      actor.userId,
    ];
    // A department task assigned to one reviewer is in their inbox only.
    const where = [
      `((t.assignee_kind = 'department' AND $3 AND t.organisation_id = $2 AND (t.assignee_user_id IS NULL OR t.assignee_user_id = $5)) OR (t.assignee_kind <> 'department' AND $4))`,
    ];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.editionId) add('t.edition_id = ?', filter.editionId);
    if (filter.stageId) add('t.stage_id = ?', filter.stageId);
    if (filter.status) add('t.status = ?', filter.status);
    if (filter.dueBy) add('t.due_on <= ?::date', filter.dueBy);
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM review_task t JOIN candidate_stage c ON c.id = t.candidate_stage_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.due_on NULLS LAST, t.created_at, t.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async task(taskId: string, today: string): Promise<TaskView | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}, t.checklist FROM review_task t JOIN candidate_stage c ON c.id = t.candidate_stage_id
        WHERE t.id = $2`,
      [today, taskId],
    );
    return (row as TaskView | undefined) ?? null;
  }

  /** Done, pending, paused and overdue tasks of a stage by department (task key) and by reviewer. */
  async progress(
    editionId: string,
    stageId: string,
    today: string,
  ): Promise<{ byTask: ProgressRow[]; byReviewer: ProgressRow[] }> {
    const counts = `count(*) FILTER (WHERE t.status = 'decided')::int AS done,
      count(*) FILTER (WHERE t.status = 'open')::int AS pending,
      count(*) FILTER (WHERE t.status = 'paused')::int AS paused,
      count(*) FILTER (WHERE t.status <> 'decided' AND t.due_on < $3::date)::int AS overdue`;
    const byTask = await this.dataSource.query(
      `SELECT t.task_key AS "group", ${counts} FROM review_task t
        WHERE t.edition_id = $1 AND t.stage_id = $2 GROUP BY t.task_key ORDER BY t.task_key`,
      [editionId, stageId, today],
    );
    const byReviewer = await this.dataSource.query(
      `SELECT COALESCE(d.decided_by::text, 'undecided') AS "group", ${counts}
         FROM review_task t LEFT JOIN review_decision d ON d.id = t.current_decision_id
        WHERE t.edition_id = $1 AND t.stage_id = $2 GROUP BY 1 ORDER BY 1`,
      [editionId, stageId, today],
    );
    return { byTask, byReviewer };
  }

  async openRequestsOf(organisationId: string): Promise<
    {
      id: string;
      taskId: string;
      nominationId: string;
      question: string;
      dueOn: string | null;
      department: LocalizedText;
    }[]
  > {
    return this.dataSource.query(
      `SELECT r.id, r.task_id AS "taskId", t.nomination_id AS "nominationId", r.question,
              to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn", t.label AS department
         FROM information_request r JOIN review_task t ON t.id = r.task_id
        WHERE r.organisation_id = $1 AND r.answered_at IS NULL ORDER BY r.due_on, r.asked_at`,
      [organisationId],
    );
  }
}
