import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type CandidateOutcome, settleEscalation, type Settlement } from '@craftcert/pipeline';
import { addOutboxEvent, NotFoundError, Topic } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { StageRepository } from '../persistence/stage.repository';
import { StageRunner } from './stage-runner';

export interface SettleCommand extends Settlement {
  editionId: string;
  stageId: string;
  nominationId: string;
}

/**
 * The secretariat decides one candidate the join rule escalated when the stage's time ran out,
 * with a reason. The settled outcome then stands: later decisions on the candidate are refused,
 * and closing the stage keeps it. Same locks as a decision: the stage shared, the candidate.
 */
@Injectable()
export class SettleCandidateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly stages: StageRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actorId: string, command: SettleCommand): Promise<CandidateOutcome> {
    const { editionId, stageId, nominationId } = command;
    return this.dataSource.transaction(async (tx) => {
      const context = await this.runner.openStageForDecision(tx, editionId, stageId);
      const candidate = await this.stages.lockCandidateOf(tx, editionId, stageId, nominationId);
      if (!candidate) throw new NotFoundError(`Nomination ${nominationId} in stage ${stageId}`);
      const result = settleEscalation(
        context.stage,
        {
          status: candidate.status === 'withdrawn' ? 'failed' : candidate.status,
          explanation: candidate.explanation,
          escalated: candidate.escalated,
        },
        { status: command.status, reason: command.reason },
      );
      if (!result.ok) throw WorkflowStateError.from(result.explanation);
      await this.stages.settle(tx, candidate.id, {
        status: result.outcome.status,
        explanation: result.outcome.explanation,
        settledBy: actorId,
        reason: command.reason,
      });
      await addOutboxEvent(tx, Topic.CandidateSettled, {
        editionId,
        stageId,
        nominationId,
        status: result.outcome.status,
      });
      await this.audit.record(tx, {
        action: 'workflow.candidate-settled',
        subjectType: 'nomination',
        subjectId: nominationId,
        before: { stageId, status: candidate.status, escalated: true },
        after: { stageId, status: result.outcome.status },
      });
      return result.outcome;
    });
  }
}
