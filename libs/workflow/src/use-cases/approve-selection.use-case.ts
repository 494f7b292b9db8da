import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, DomainError, Topic } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { SelectionRepository } from '../persistence/selection.repository';
import { SelectionRound } from './selection-round';

/**
 * The approving body approves the finalised result, recording who and when; the approver must be
 * someone other than who finalised it (the database holds this too). Once approved the result
 * does not change here: only the public notice's objection outcomes may amend it, through their
 * own use case.
 */
@Injectable()
export class ApproveSelectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly round: SelectionRound,
    private readonly selections: SelectionRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(editionId: string, stageId: string, actorId: string) {
    return this.dataSource.transaction(async (tx) => {
      const { stage } = await this.round.current(tx, editionId, stageId);
      const results = (await this.selections.lockResults(tx, editionId)).filter(
        (r) => r.stageId === stageId,
      );
      if (results.length === 0) {
        throw new WorkflowStateError(`Finalise ${stage.label.en} before approving it`);
      }
      if (results.every((r) => r.approvedBy !== null)) {
        throw new DomainError('CONFLICT', 'The result has been approved and can no longer change');
      }
      if (results.some((r) => r.finalisedBy === actorId)) {
        throw new DomainError(
          'CONFLICT',
          'The approver must be someone other than who finalised the result',
        );
      }
      await this.selections.approve(tx, editionId, actorId);
      await addOutboxEvent(tx, Topic.SelectionApproved, {
        editionId,
        stageId,
        tierIds: results.map((r) => r.tierId),
      });
      await this.audit.record(tx, {
        action: 'selection.approved',
        subjectType: 'edition',
        subjectId: editionId,
        after: { stageId, tiers: results.map((r) => r.tierId) },
      });
      const approved = await this.selections.results(tx, editionId);
      return {
        stageId,
        approvedBy: actorId,
        approvedAt: approved.find((r) => r.stageId === stageId)!.approvedAt!.toISOString(),
      };
    });
  }
}
