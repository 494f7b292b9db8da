import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findOrganisations, type Member, organisationMembers } from '@craftcert/identity';
import { ListStageEntrantsUseCase } from '@craftcert/nominations';
import {
  type CandidateTies,
  type DetectedConflict,
  detectConflicts,
  type OrganisationNode,
  type ReviewerTie,
} from '../domain/conflict-detection';
import { ConflictRepository } from '../persistence/conflict.repository';
import type { ReviewTaskEntity } from '../persistence/workflow.entities';

type CheckedTask = Pick<
  ReviewTaskEntity,
  'id' | 'nominationId' | 'organisationId' | 'editionId' | 'assigneeUserId'
>;

/**
 * Detects conflicts of interest before a reviewer is given a task: the reviewer's own
 * organisation and the relations in their profile against the candidate's nominating unit, its
 * hierarchy and the candidate in person. Waived conflicts no longer block.
 */
@Injectable()
export class ConflictCheck {
  constructor(
    private readonly conflicts: ConflictRepository,
    private readonly entrants: ListStageEntrantsUseCase,
  ) {}

  /** Unwaived conflicts of each member with the task's candidate (empty: free to act). */
  async blocking(
    tx: EntityManager,
    task: CheckedTask,
    members: readonly Member[],
  ): Promise<Map<string, DetectedConflict[]>> {
    const waived = await this.conflicts.waivedFor(tx, task.id);
    const found = await this.detect(tx, [task], members);
    return new Map(
      members.map((m) => [
        m.userId,
        waived.has(m.userId) ? [] : (found.get(`${task.id}:${m.userId}`) ?? []),
      ]),
    );
  }

  /**
   * Every conflict between the members and the tasks' candidates, keyed `taskId:userId`. One
   * read each of relations, organisations and candidates, whatever the number of tasks.
   */
  async detect(
    tx: EntityManager,
    tasks: readonly Pick<CheckedTask, 'id' | 'nominationId' | 'editionId'>[],
    members: readonly Member[],
  ): Promise<Map<string, DetectedConflict[]>> {
    const result = new Map<string, DetectedConflict[]>();
    if (tasks.length === 0 || members.length === 0) return result;
    const relations = await this.conflicts.relationsOf(
      tx,
      members.map((m) => m.userId),
    );
    const candidates = await this.entrants.execute(tasks[0].editionId, {
      nominationIds: [...new Set(tasks.map((t) => t.nominationId))],
      manager: tx,
    });
    const organisations = new Map<string, OrganisationNode>(
      (
        await findOrganisations(tx, [
          ...members.map((m) => m.organisationId),
          ...relations.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
          ...candidates.flatMap((c) =>
            c.nominatingOrganisationId ? [c.nominatingOrganisationId] : [],
          ),
        ])
      ).map((o) => [o.id, o]),
    );
    const tiesOf = new Map<string, ReviewerTie[]>(
      members.map((m) => [
        m.userId,
        [
          { kind: 'member', organisation: organisations.get(m.organisationId) },
          ...relations
            .filter((r) => r.userId === m.userId)
            .map((r): ReviewerTie =>
              r.identityHash
                ? { kind: r.kind, identityHash: r.identityHash }
                : { kind: r.kind, organisation: organisations.get(r.organisationId!) },
            ),
        ],
      ]),
    );
    const tiesOfCandidate = new Map<string, CandidateTies>(
      candidates.map((c) => [
        c.nominationId,
        {
          nominatingUnit: c.nominatingOrganisationId
            ? (organisations.get(c.nominatingOrganisationId) ?? null)
            : null,
          identityHash: c.identityHash,
        },
      ]),
    );
    for (const task of tasks) {
      const candidate = tiesOfCandidate.get(task.nominationId);
      if (!candidate) continue;
      for (const member of members) {
        const found = detectConflicts(tiesOf.get(member.userId)!, candidate);
        if (found.length > 0) result.set(`${task.id}:${member.userId}`, found);
      }
    }
    return result;
  }

  /**
   * Who takes a department task next: a reviewer of its organisation who neither declared a
   * conflict on it nor has an unwaived detected one, the least loaded first; null when nobody is left.
   */
  async nextAssignee(
    tx: EntityManager,
    task: CheckedTask,
    exclude: readonly string[],
  ): Promise<string | null> {
    if (!task.organisationId) return null;
    const recused = await this.conflicts.recusedFrom(tx, task.id);
    const members = (
      await organisationMembers(tx, task.organisationId, 'departmentReviewer')
    ).filter((m) => !recused.has(m.userId) && !exclude.includes(m.userId));
    const blocking = await this.blocking(tx, task, members);
    const free = members.filter((m) => blocking.get(m.userId)!.length === 0);
    if (free.length === 0) return null;
    const load = await this.conflicts.openLoad(
      tx,
      free.map((m) => m.userId),
    );
    // Members come oldest account first, so equal loads fall to the same reviewer every time.
    return free.reduce((best, m) => (load.get(m.userId)! < load.get(best.userId)! ? m : best))
      .userId;
  }
}

/** The conflicts as one sentence for an error message. */
export function describeConflicts(found: readonly DetectedConflict[]): string {
  return found.map((c) => `${c.explanation.en} (${c.explanation.zh})`).join('; ');
}
