import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rankScores, type ResolvedScore, type RubricScore } from '@craftcert/pipeline';
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

  /**
   * Joins the caller's transaction when its manager is passed. `criteria` adds each candidate's
   * points per rubric criterion, the mean over the submitted experts (for a what-if on weights).
   */
  async execute(
    editionId: string,
    stageId: string,
    manager?: EntityManager,
    options: { criteria?: boolean } = {},
  ) {
    const { definition } = await this.editions.execute(editionId, manager);
    const stage = scoringStageOf(definition, stageId);
    const reader = manager ?? this.dataSource.manager;
    const rows = await this.scoring.ofStage(reader, editionId, stageId);
    const submitted = rows.filter((r) => r.status === 'submitted' && r.total !== null);
    const panels = panelScoresOf(stage, rows);
    const panelOf = new Map(panels.map((p) => [p.candidateId, p]));
    const arbitrations = new Map<string, ResolvedScore>();
    for (const a of await this.scoring.arbitrations(reader, editionId, stageId)) {
      const panel = panelOf.get(a.nominationId);
      if (panel) arbitrations.set(a.nominationId, resolvedWithReason(stage, panel.score, a));
    }
    const groups = new Map(rows.map((r) => [r.nominationId, r.group]));
    const candidates = [...groups].map(([id, group]) => ({ id, group, dossier: {} }));
    const progress = {
      assignments: rows.length,
      submitted: rows.filter((r) => r.status === 'submitted').length,
    };
    const ranked = {
      stageId,
      progress,
      groups: rankScores(definition, candidates, panels, arbitrations),
    };
    return options.criteria ? { ...ranked, criteria: meanCriteria(submitted) } : ranked;
  }
}

/** Per candidate, each criterion's points averaged over the experts who submitted. */
function meanCriteria(
  rows: readonly { nominationId: string; breakdown: RubricScore | null }[],
): Map<string, Record<string, number>> {
  const sums = new Map<string, { n: number; points: Record<string, number> }>();
  for (const r of rows) {
    if (!r.breakdown) continue;
    const entry = sums.get(r.nominationId) ?? { n: 0, points: {} };
    entry.n += 1;
    for (const c of r.breakdown.criteria) entry.points[c.id] = (entry.points[c.id] ?? 0) + c.points;
    sums.set(r.nominationId, entry);
  }
  return new Map(
    [...sums].map(([id, { n, points }]) => [
      id,
      Object.fromEntries(Object.entries(points).map(([k, v]) => [k, v / n])),
    ]),
  );
}
