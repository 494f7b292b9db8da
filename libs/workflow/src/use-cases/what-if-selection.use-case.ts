import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SelectionOverrides } from '@craftcert/pipeline';
import { SelectionRound } from './selection-round';

/**
 * The stage's selection under changed quotas, floors, caps, score floor or criterion weights,
 * against its current result (the run once closed, else the proposal): who enters, who leaves and
 * why, and the floors and caps whose numbers move. Nothing is saved.
 */
@Injectable()
export class WhatIfSelectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly round: SelectionRound,
  ) {}

  async execute(editionId: string, stageId: string, overrides: SelectionOverrides) {
    const tx = this.dataSource.manager;
    const { definition, stage, candidates, outcome } = await this.round.current(
      tx,
      editionId,
      stageId,
    );
    const result = this.round.whatIf(definition, stage, candidates, overrides, outcome);
    return { stageId, current: outcome, outcome: result.outcome, diff: result.diff };
  }
}
