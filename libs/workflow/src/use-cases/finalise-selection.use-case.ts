import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, DomainError, Topic } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { SelectionConflict, SelectionRepository } from '../persistence/selection.repository';
import { SelectionRound } from './selection-round';

/**
 * The secretariat finalises the selection the closed stage ran: one result per tier with its
 * places in merit order. The database holds one result per edition and tier and never a place
 * beyond the quota, so of concurrent finalisations one wins and the others are told so (409).
 */
@Injectable()
export class FinaliseSelectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly round: SelectionRound,
    private readonly selections: SelectionRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(editionId: string, stageId: string, actorId: string) {
    return this.dataSource.transaction(async (tx) => {
      const { definition, stage, saved } = await this.round.current(tx, editionId, stageId);
      if (stage.kind !== 'selection') {
        throw new WorkflowStateError(
          `${stage.label.en} is a shortlist: it has no result to finalise`,
        );
      }
      if (saved?.outcome.status !== 'selected') {
        throw new WorkflowStateError(`Close ${stage.label.en} before finalising its result`);
      }
      const selected = saved.outcome.selected;
      const tiers = definition.tiers.map((t) => ({
        tierId: t.id,
        quota: t.quota,
        places: selected
          .filter((s) => s.tier === t.id)
          .map((s) => ({ nominationId: s.id, reason: s.reason })),
      }));
      try {
        await this.selections.finalise(tx, editionId, stageId, actorId, tiers);
      } catch (error) {
        if (!(error instanceof SelectionConflict)) throw error;
        throw new DomainError(
          'CONFLICT',
          'The selection of this edition has already been finalised; a tier holds one result',
        );
      }
      const summary = Object.fromEntries(tiers.map((t) => [t.tierId, t.places.length]));
      await addOutboxEvent(tx, Topic.SelectionFinalised, { editionId, stageId, filled: summary });
      await this.audit.record(tx, {
        action: 'selection.finalised',
        subjectType: 'edition',
        subjectId: editionId,
        after: { stageId, ...summary },
      });
      return { stageId, tiers: tiers.map((t) => ({ ...t, filled: t.places.length })) };
    });
  }
}
