import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SelectionRepository } from '../persistence/selection.repository';
import { SelectionRound } from './selection-round';

/**
 * A selection or shortlist stage's result: proposed while the stage is open (computed now, saved
 * nothing), as run once it has closed; every candidate with their reason (zh + en), the reports of
 * floors and caps, or the infeasibility report (and no list) when the rules cannot all be met.
 * For a selection stage, the finalised result per tier with who finalised and approved it, when.
 */
@Injectable()
export class ReadStageSelectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly round: SelectionRound,
    private readonly selections: SelectionRepository,
  ) {}

  async execute(editionId: string, stageId: string) {
    const tx = this.dataSource.manager;
    const { stage, phase, outcome, saved } = await this.round.current(tx, editionId, stageId);
    const results =
      stage.kind === 'selection' && saved ? await this.finalised(editionId, stageId) : [];
    return {
      stageId,
      kind: stage.kind,
      state: saved ? ('run' as const) : ('proposed' as const),
      phase: phase ?? 'notEntered',
      outcome,
      results,
    };
  }

  private async finalised(editionId: string, stageId: string) {
    const tx = this.dataSource.manager;
    const results = (await this.selections.results(tx, editionId)).filter(
      (r) => r.stageId === stageId,
    );
    const places = await this.selections.places(tx, editionId);
    return results.map((r) => ({
      tierId: r.tierId,
      quota: r.quota,
      filled: r.filled,
      finalisedBy: r.finalisedBy,
      finalisedAt: r.finalisedAt.toISOString(),
      approvedBy: r.approvedBy,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      nominationIds: places.filter((p) => p.tierId === r.tierId).map((p) => p.nominationId),
    }));
  }
}
