import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rankScores, type ResolvedScore } from '@craftcert/pipeline';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { panelScoresOf, resolvedWithReason, scoringStageOf } from '../domain/scoring-stage';
import { ScoringRepository } from '../persistence/scoring.repository';

/**
 * A scoring stage's results so far: per candidate, the submitted experts' totals combined as the
 * definition says (raw and normalised side by side), spreads above the arbitration threshold
 * flagged until the arbitration group's result resolves them, and the ranked list per group with
 * every number explained.
 */
@Injectable()
export class ReadStageScoresUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
  ) {}

  async execute(editionId: string, stageId: string) {
    const { definition } = await this.editions.execute(editionId);
    const stage = scoringStageOf(definition, stageId);
    const manager = this.dataSource.manager;
    const rows = await this.scoring.ofStage(manager, editionId, stageId);
    const panels = panelScoresOf(stage, rows);
    const panelOf = new Map(panels.map((p) => [p.candidateId, p]));
    const arbitrations = new Map<string, ResolvedScore>();
    for (const a of await this.scoring.arbitrations(manager, editionId, stageId)) {
      const panel = panelOf.get(a.nominationId);
      if (panel) arbitrations.set(a.nominationId, resolvedWithReason(stage, panel.score, a));
    }
    const groups = new Map(rows.map((r) => [r.nominationId, r.group]));
    const candidates = [...groups].map(([id, group]) => ({ id, group, dossier: {} }));
    const progress = {
      assignments: rows.length,
      submitted: rows.filter((r) => r.status === 'submitted').length,
    };
    return { stageId, progress, groups: rankScores(definition, candidates, panels, arbitrations) };
  }
}
