import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, NotFoundError, Topic } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScoringRepository } from '../persistence/scoring.repository';
import { StageRunner } from './stage-runner';

/** The secretariat reopens an expert's submitted marks, with a reason; they become a draft again. */
@Injectable()
export class ReopenExpertMarksUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly scoring: ScoringRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(assignmentId: string, reason: string) {
    return this.dataSource.transaction(async (tx) => {
      const seen = await this.scoring.assignment(tx, assignmentId);
      if (!seen) throw new NotFoundError(`Expert assignment ${assignmentId}`);
      await this.runner.openStageForDecision(tx, seen.editionId, seen.stageId);
      const assignment = (await this.scoring.lockAssignment(tx, assignmentId))!;
      if (assignment.status !== 'submitted') {
        throw new WorkflowStateError('Only submitted marks can be reopened');
      }
      await this.scoring.reopen(tx, assignmentId);
      await addOutboxEvent(tx, Topic.ExpertMarksReopened, {
        assignmentId,
        editionId: seen.editionId,
        stageId: seen.stageId,
        expertId: seen.expertId,
        reason,
      });
      await this.audit.record(tx, {
        action: 'workflow.expert-marks-reopened',
        subjectType: 'expert-assignment',
        subjectId: assignmentId,
        before: { status: 'submitted', total: assignment.total },
        after: { status: 'draft', reason },
      });
      return { id: assignmentId, status: 'draft' as const, reason };
    });
  }
}
