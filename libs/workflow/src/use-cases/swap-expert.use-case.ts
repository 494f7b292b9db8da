import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findMembersWithRole } from '@craftcert/identity';
import { conflictKey } from '@craftcert/pipeline';
import { addOutboxEvent, NotFoundError, RequestValidationError, Topic } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScoringRepository } from '../persistence/scoring.repository';
import { StageRunner } from './stage-runner';

/**
 * The secretariat hands an unsubmitted assignment to another expert of the same group's panel,
 * with a reason (a late conflict, an absence). Never to a conflicted expert or one who already
 * scores the candidate; the marks start afresh.
 */
@Injectable()
export class SwapExpertUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly scoring: ScoringRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(assignmentId: string, expertId: string, reason: string) {
    return this.dataSource.transaction(async (tx) => {
      const seen = await this.scoring.assignment(tx, assignmentId);
      if (!seen) throw new NotFoundError(`Expert assignment ${assignmentId}`);
      await this.runner.openStageForDecision(tx, seen.editionId, seen.stageId);
      const assignment = (await this.scoring.lockAssignment(tx, assignmentId))!;
      if (assignment.status === 'submitted') {
        throw new WorkflowStateError('The marks are submitted; reopen them before a swap');
      }
      const panel = (await this.scoring.panels(tx, seen.editionId, seen.stageId)).get(seen.group);
      const members = await findMembersWithRole(tx, panel ?? [], 'expert');
      const conflicts = await this.scoring.declaredConflicts(tx, seen.editionId);
      const problem = !members.some((m) => m.userId === expertId)
        ? `must be an expert of the panel for group "${seen.group}"`
        : conflicts.has(conflictKey(expertId, seen.nominationId))
          ? 'has declared a conflict of interest with this candidate'
          : expertId === seen.expertId
            ? 'is already the assigned expert'
            : null;
      if (problem) throw new RequestValidationError([{ path: 'expertId', message: problem }]);
      await this.scoring.swap(tx, assignmentId, expertId);
      await addOutboxEvent(tx, Topic.ExpertSwapped, {
        assignmentId,
        editionId: seen.editionId,
        stageId: seen.stageId,
        from: seen.expertId,
        to: expertId,
        reason,
      });
      await this.audit.record(tx, {
        action: 'workflow.expert-swapped',
        subjectType: 'expert-assignment',
        subjectId: assignmentId,
        before: { expertId: seen.expertId, status: assignment.status },
        after: { expertId, status: 'assigned', reason },
      });
      return { id: assignmentId, expertId, reason };
    });
  }
}
