import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  CandidateOutcome,
  CandidateStageStatus,
  DoneTransition,
  Explanation,
  StageTransition,
  TaskSpec,
} from '@craftcert/pipeline';
import { outboxInsertSql } from '@craftcert/platform';
import type { AssigneeKind } from '../domain/task-status';
import {
  CandidateStageEntity,
  StageTransitionEntity,
  WorkflowStageEntity,
} from './workflow.entities';

export interface Entrant {
  nominationId: string;
  nominatingOrganisationId: string | null;
}

/** A task spec with the organisation that acts on it resolved (null: the secretariat). */
export interface ResolvedTask extends TaskSpec {
  organisationId: string | null;
}

export interface CandidateRow {
  id: string;
  nominationId: string;
  nominatingOrganisationId: string | null;
  status: CandidateStageStatus;
  /** Set when the secretariat settled the candidate: its outcome is kept as it stands. */
  settled: { explanation: Explanation } | null;
}

export interface OutcomeUpdate {
  id: string;
  status: CandidateStageStatus;
  explanation: Explanation;
  escalated: boolean;
}

// Any constant distinct from the others in use (migrations, audit chain).
const WORKFLOW_LOCK_SPACE = 727_012;

/**
 * The edition-level state of the workflow: which stages were entered and closed, and the
 * candidates and tasks a stage holds. Bulk writes are single multi-row statements (unnest), so
 * entering a stage for thousands of candidates is two INSERTs, not thousands.
 */
@Injectable()
export class StageRepository {
  /** Serialises an edition's transitions (enter, close, advance) for the transaction's life. */
  async lockEdition(tx: EntityManager, editionId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      WORKFLOW_LOCK_SPACE,
      editionId,
    ]);
  }

  async transitions(tx: EntityManager, editionId: string): Promise<DoneTransition[]> {
    const rows = await tx.find(StageTransitionEntity, {
      select: { stageId: true, transition: true },
      where: { editionId },
    });
    return rows.map((r) => ({ stageId: r.stageId, transition: r.transition }));
  }

  transition(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    transition: StageTransition,
  ): Promise<StageTransitionEntity | null> {
    return tx.findOneBy(StageTransitionEntity, { editionId, stageId, transition });
  }

  /** Records a transition once; null when the same one was recorded first by someone else. */
  async recordTransition(
    tx: EntityManager,
    row: Pick<
      StageTransitionEntity,
      | 'editionId'
      | 'stageId'
      | 'transition'
      | 'forced'
      | 'reason'
      | 'scheduled'
      | 'actorId'
      | 'summary'
    >,
  ): Promise<StageTransitionEntity | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO stage_transition (edition_id, stage_id, transition, forced, reason, scheduled, actor_id, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT ON CONSTRAINT uq_stage_transition DO NOTHING RETURNING id`,
      [
        row.editionId,
        row.stageId,
        row.transition,
        row.forced,
        row.reason,
        row.scheduled,
        row.actorId,
        JSON.stringify(row.summary),
      ],
    );
    if (rows.length === 0) return null;
    return this.transition(tx, row.editionId, row.stageId, row.transition);
  }

  stage(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<WorkflowStageEntity | null> {
    return tx.findOneBy(WorkflowStageEntity, { editionId, stageId });
  }

  /** The stage row, locked: `share` for a decision (many at once), `update` for a close. */
  async lockStage(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    mode: 'share' | 'update',
  ): Promise<WorkflowStageEntity | null> {
    return tx.findOne(WorkflowStageEntity, {
      where: { editionId, stageId },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  async openStage(
    tx: EntityManager,
    row: Pick<WorkflowStageEntity, 'editionId' | 'stageId' | 'kind' | 'dueOn'>,
  ): Promise<void> {
    await tx.insert(WorkflowStageEntity, { ...row, phase: 'open' });
  }

  async closeStage(tx: EntityManager, editionId: string, stageId: string): Promise<void> {
    await tx.update(
      WorkflowStageEntity,
      { editionId, stageId },
      { phase: 'closed', closedAt: () => 'now()' },
    );
  }

  /** Candidates who passed a stage: those who enter the next one. */
  async passed(tx: EntityManager, editionId: string, stageId: string): Promise<Entrant[]> {
    const rows: { nomination_id: string; nominating_organisation_id: string | null }[] =
      await tx.query(
        `SELECT nomination_id, nominating_organisation_id FROM candidate_stage
        WHERE edition_id = $1 AND stage_id = $2 AND status = 'passed' ORDER BY nomination_id`,
        [editionId, stageId],
      );
    return rows.map((r) => ({
      nominationId: r.nomination_id,
      nominatingOrganisationId: r.nominating_organisation_id,
    }));
  }

  /**
   * Enters candidates into a stage with the same initial outcome and the same tasks each: one
   * INSERT for the candidates and one for every candidate × task. Returns how many tasks.
   */
  async enterCandidates(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    entrants: readonly Entrant[],
    initial: CandidateOutcome,
    tasks: readonly ResolvedTask[],
    dueOn: string | null,
  ): Promise<number> {
    if (entrants.length === 0) return 0;
    await tx.query(
      `INSERT INTO candidate_stage (edition_id, stage_id, nomination_id, nominating_organisation_id, status, explanation)
       SELECT $1, $2, e.nomination_id, e.organisation_id, $5, $6::jsonb
         FROM unnest($3::uuid[], $4::uuid[]) AS e(nomination_id, organisation_id)`,
      [
        editionId,
        stageId,
        entrants.map((e) => e.nominationId),
        entrants.map((e) => e.nominatingOrganisationId),
        initial.status,
        JSON.stringify(initial.explanation),
      ],
    );
    if (tasks.length === 0) return 0;
    // The tasks come from the candidate rows just written, inside the database: no ids travel back.
    await tx.query(
      `INSERT INTO review_task (candidate_stage_id, edition_id, stage_id, nomination_id, task_key,
         assignee_kind, organisation_id, label, checklist, status, due_on)
       SELECT c.id, c.edition_id, c.stage_id, c.nomination_id, t.task_key, t.assignee_kind, t.organisation_id,
              t.label, t.checklist, 'open', $8::date
         FROM candidate_stage c
        CROSS JOIN unnest($3::varchar[], $4::varchar[], $5::uuid[], $6::jsonb[], $7::jsonb[])
              AS t(task_key, assignee_kind, organisation_id, label, checklist)
        WHERE c.edition_id = $1 AND c.stage_id = $2`,
      [
        editionId,
        stageId,
        tasks.map((t) => t.key),
        tasks.map((t) => assigneeKind(t)),
        tasks.map((t) => t.organisationId),
        tasks.map((t) => JSON.stringify(t.label)),
        tasks.map((t) => JSON.stringify(t.checklist)),
        dueOn,
      ],
    );
    return entrants.length * tasks.length;
  }

  /** Every candidate in a stage, locked against concurrent decisions while the stage closes. */
  async lockCandidates(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<CandidateRow[]> {
    const rows: {
      id: string;
      nomination_id: string;
      nominating_organisation_id: string | null;
      status: CandidateStageStatus;
      settled_explanation: Explanation | null;
    }[] = await tx.query(
      `SELECT id, nomination_id, nominating_organisation_id, status,
              CASE WHEN settled_at IS NOT NULL THEN explanation END AS settled_explanation
         FROM candidate_stage WHERE edition_id = $1 AND stage_id = $2 ORDER BY id FOR UPDATE`,
      [editionId, stageId],
    );
    return rows.map((r) => ({
      id: r.id,
      nominationId: r.nomination_id,
      nominatingOrganisationId: r.nominating_organisation_id,
      status: r.status,
      settled: r.settled_explanation ? { explanation: r.settled_explanation } : null,
    }));
  }

  /** The secretariat's settlement of one candidate: its outcome, reason and who settled. */
  async settle(
    tx: EntityManager,
    candidateStageId: string,
    row: {
      status: CandidateStageStatus;
      explanation: Explanation;
      settledBy: string;
      reason: string;
    },
  ): Promise<void> {
    await tx.update(
      CandidateStageEntity,
      { id: candidateStageId },
      {
        status: row.status,
        explanation: row.explanation,
        escalated: false,
        settledAt: () => 'now()',
        settledBy: row.settledBy,
        settlementReason: row.reason,
      },
    );
  }

  /** One candidate of a stage by nomination, locked. */
  lockCandidateOf(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    nominationId: string,
  ): Promise<CandidateStageEntity | null> {
    return tx.findOne(CandidateStageEntity, {
      where: { editionId, stageId, nominationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** One candidate's outcome and the outbox event announcing what changed it, in one statement. */
  async updateOutcomeWithEvent(
    tx: EntityManager,
    update: OutcomeUpdate,
    event: { topic: string; payload: Record<string, unknown> },
  ): Promise<void> {
    await tx.query(
      `WITH upd AS (
         UPDATE candidate_stage SET status = $2, explanation = $3::jsonb, escalated = $4, updated_at = now()
          WHERE id = $1 RETURNING id
       )
       ${outboxInsertSql('$5', '$6', 'FROM upd')}`,
      [
        update.id,
        update.status,
        JSON.stringify(update.explanation),
        update.escalated,
        event.topic,
        JSON.stringify(event.payload),
      ],
    );
  }

  /** Writes many candidates' outcomes in one statement. */
  async updateOutcomes(tx: EntityManager, updates: readonly OutcomeUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await tx.query(
      `UPDATE candidate_stage c SET status = u.status, explanation = u.explanation,
              escalated = u.escalated, updated_at = now()
         FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[], $4::boolean[]) AS u(id, status, explanation, escalated)
        WHERE c.id = u.id`,
      [
        updates.map((u) => u.id),
        updates.map((u) => u.status),
        updates.map((u) => JSON.stringify(u.explanation)),
        updates.map((u) => u.escalated),
      ],
    );
  }

  /** Open and paused tasks of a stage per owning organisation (null: the secretariat). */
  async openTasksByOwner(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<{ organisationId: string | null; open: number; paused: number }[]> {
    return tx.query(
      `SELECT organisation_id AS "organisationId",
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'paused')::int AS paused
         FROM review_task WHERE edition_id = $1 AND stage_id = $2 AND status <> 'decided'
        GROUP BY organisation_id ORDER BY organisation_id NULLS FIRST`,
      [editionId, stageId],
    );
  }
}

function assigneeKind(task: TaskSpec): AssigneeKind {
  return task.assignee.kind;
}
