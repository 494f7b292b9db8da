import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RubricScore } from '@craftcert/pipeline';
import { translateConstraintError } from '@craftcert/platform';
import type { AssignmentStatus } from '../domain/assignment-status';
import { ExpertAssignmentEntity, ExpertPanelEntity } from './scoring.entities';

export interface NewAssignment {
  nominationId: string;
  expertId: string;
  group: string;
}

/** Expert panels of scoring stages, and the experts' assignments with their marks. */
@Injectable()
export class ScoringRepository {
  /** Replaces a stage's panel mapping. */
  async mapPanels(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    entries: readonly { group: string; organisationId: string }[],
    mappedBy: string,
  ): Promise<void> {
    await tx.delete(ExpertPanelEntity, { editionId, stageId });
    if (entries.length === 0) return;
    await tx.insert(
      ExpertPanelEntity,
      entries.map((e) => ({ editionId, stageId, ...e, mappedBy })),
    );
  }

  /** Panel organisations per group. */
  async panels(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<Map<string, string[]>> {
    const rows = await tx.find(ExpertPanelEntity, {
      where: { editionId, stageId },
      order: { group: 'ASC', organisationId: 'ASC' },
    });
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.group, [...(out.get(r.group) ?? []), r.organisationId]);
    return out;
  }

  /**
   * Conflicts already declared in this edition (conflict declarations on any of its tasks), as
   * `${userId}/${nominationId}`: an expert who declared one on a candidate is never assigned it.
   */
  async declaredConflicts(tx: EntityManager, editionId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await tx.query(
      `SELECT DISTINCT d.user_id || '/' || t.nomination_id AS key
         FROM conflict_declaration d JOIN review_task t ON t.id = d.task_id
        WHERE t.edition_id = $1 AND d.conflict`,
      [editionId],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Writes the assignments of a stage just entered, joined to its candidate rows in the database. */
  async assign(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    rows: readonly NewAssignment[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO expert_assignment (candidate_stage_id, edition_id, stage_id, nomination_id, expert_id, panel_group, status)
       SELECT c.id, c.edition_id, c.stage_id, c.nomination_id, a.expert_id, a.panel_group, 'assigned'
         FROM unnest($3::uuid[], $4::uuid[], $5::varchar[]) AS a(nomination_id, expert_id, panel_group)
         JOIN candidate_stage c ON c.nomination_id = a.nomination_id
        WHERE c.edition_id = $1 AND c.stage_id = $2`,
      [
        editionId,
        stageId,
        rows.map((r) => r.nominationId),
        rows.map((r) => r.expertId),
        rows.map((r) => r.group),
      ],
    );
  }

  /** An expert's assignments, optionally in one edition, oldest first. */
  ofExpert(
    tx: EntityManager,
    expertId: string,
    editionId?: string,
  ): Promise<ExpertAssignmentEntity[]> {
    return tx.find(ExpertAssignmentEntity, {
      where: editionId ? { expertId, editionId } : { expertId },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  assignment(tx: EntityManager, id: string): Promise<ExpertAssignmentEntity | null> {
    return tx.findOneBy(ExpertAssignmentEntity, { id });
  }

  lockAssignment(tx: EntityManager, id: string): Promise<ExpertAssignmentEntity | null> {
    return tx.findOne(ExpertAssignmentEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async saveMarks(
    tx: EntityManager,
    id: string,
    fields: {
      status: AssignmentStatus;
      marks: Record<string, number>;
      total: number;
      breakdown: RubricScore;
    },
  ): Promise<void> {
    const submittedAt = fields.status === 'submitted' ? new Date() : null;
    await tx.update(ExpertAssignmentEntity, { id }, { ...fields, submittedAt });
  }

  async reopen(tx: EntityManager, id: string): Promise<void> {
    await tx.update(ExpertAssignmentEntity, { id }, { status: 'draft', submittedAt: null });
  }

  /** Hands the assignment to another expert; a second assignment of one expert is refused. */
  async swap(tx: EntityManager, id: string, expertId: string): Promise<void> {
    try {
      await tx.update(
        ExpertAssignmentEntity,
        { id },
        {
          expertId,
          status: 'assigned',
          marks: {},
          total: null,
          breakdown: null,
          submittedAt: null,
        },
      );
    } catch (error) {
      translateConstraintError(error, {
        uq_expert_assignment: 'That expert already scores this candidate',
      });
    }
  }

  /** Every assignment of a stage, for aggregation at close. */
  ofStage(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<ExpertAssignmentEntity[]> {
    return tx.find(ExpertAssignmentEntity, {
      where: { editionId, stageId },
      order: { nominationId: 'ASC', expertId: 'ASC' },
    });
  }
}
