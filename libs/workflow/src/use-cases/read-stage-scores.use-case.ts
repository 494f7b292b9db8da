import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { aggregateScores, rankScores } from '@craftcert/pipeline';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { scoringStageOf } from '../domain/scoring-stage';
import { ScoringRepository } from '../persistence/scoring.repository';

/**
 * A scoring stage's results so far: per candidate, the submitted experts' totals combined as the
 * definition says (raw and normalised side by side), spreads above the arbitration threshold
 * flagged, and the ranked list per group with every number explained.
 */
@Injectable()
export class ReadStageScoresUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
  ) {}

  /** Joins the caller's transaction when its manager is passed. */
  async execute(editionId: string, stageId: string, manager?: EntityManager) {
    const { definition } = await this.editions.execute(editionId, manager);
    const stage = scoringStageOf(definition, stageId);
    const rows = await this.scoring.ofStage(manager ?? this.dataSource.manager, editionId, stageId);
    const submitted = rows.filter((r) => r.status === 'submitted' && r.total !== null);
    const panels = aggregateScores(
      submitted.map((r) => ({
        expertId: r.expertId,
        candidateId: r.nominationId,
        score: r.total!,
      })),
      stage.aggregation,
      stage.arbitration?.spreadThreshold,
    );
    const groups = new Map(rows.map((r) => [r.nominationId, r.group]));
    const candidates = [...groups].map(([id, group]) => ({ id, group, dossier: {} }));
    const progress = {
      assignments: rows.length,
      submitted: submitted.length,
    };
    return { stageId, progress, groups: rankScores(definition, candidates, panels) };
  }
}
