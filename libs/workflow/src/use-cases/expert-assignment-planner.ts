import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findMembersWithRole } from '@craftcert/identity';
import { ListStageEntrantsUseCase } from '@craftcert/nominations';
import { assignExperts, type AssignmentResult, type ExpertScoringStage } from '@craftcert/pipeline';
import { WorkflowStateError } from '../domain/workflow.errors';
import { type NewAssignment, ScoringRepository } from '../persistence/scoring.repository';

/**
 * Who scores whom in a scoring stage: each entrant's group (its `panelsBy` value), the experts of
 * that group's panel organisations, the conflicts declared in the edition, then the engine's
 * balanced, deterministic assignment.
 */
@Injectable()
export class ExpertAssignmentPlanner {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly entrants: ListStageEntrantsUseCase,
  ) {}

  async plan(
    tx: EntityManager,
    editionId: string,
    stage: ExpertScoringStage,
    entrants: readonly { nominationId: string }[],
  ): Promise<AssignmentResult> {
    const nominationIds = entrants.map((e) => e.nominationId);
    const groups = stage.panelsBy
      ? await this.entrants.execute(editionId, {
          nominationIds,
          manager: tx,
          groupField: stage.panelsBy,
        })
      : [];
    const groupOf = new Map(groups.map((g) => [g.nominationId, g.group ?? '']));
    const organisations = await this.scoring.panels(tx, editionId, stage.id);
    const members = await findMembersWithRole(tx, [...organisations.values()].flat(), 'expert');
    const panels = new Map(
      [...organisations].map(([group, orgs]) => [
        group,
        members.filter((m) => orgs.includes(m.organisationId)).map((m) => m.userId),
      ]),
    );
    return assignExperts({
      candidates: nominationIds.map((id) => ({ id, group: groupOf.get(id) ?? '' })),
      panels,
      conflicts: await this.scoring.declaredConflicts(tx, editionId),
      perDossier: stage.expertsPerDossier ?? 3,
    });
  }

  /** The assignments, or a refusal naming every dossier short of unconflicted experts. */
  async assignOrRefuse(
    tx: EntityManager,
    editionId: string,
    stage: ExpertScoringStage,
    entrants: readonly { nominationId: string }[],
  ): Promise<NewAssignment[]> {
    const result = await this.plan(tx, editionId, stage, entrants);
    if (!result.ok) {
      const en = result.shortfalls.map((s) => s.explanation.en).join('; ');
      const zh = result.shortfalls.map((s) => s.explanation.zh).join('；');
      throw new WorkflowStateError(
        `${stage.label.en} cannot open: too few experts (${en}) (${stage.label.zh}无法开始：${zh})`,
      );
    }
    return result.assignments.map((a) => ({
      nominationId: a.candidateId,
      expertId: a.expertId,
      group: a.group,
    }));
  }
}
