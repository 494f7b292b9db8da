import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { ReadDossierForReviewUseCase } from '@craftcert/nominations';
import { scoreRubric, validateMarks } from '@craftcert/pipeline';
import {
  addOutboxEvent,
  type Actor,
  NotFoundError,
  RequestValidationError,
  Topic,
} from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import type { AssignmentStatus } from '../domain/assignment-status';
import { markFieldErrors, scoringStageOf } from '../domain/scoring-stage';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScoringRepository } from '../persistence/scoring.repository';
import { StageRunner } from './stage-runner';

/**
 * An expert saves marks as a draft, or submits them: a submission needs every judged item marked
 * and is final (only the secretariat reopens it). A mark outside its item's range is refused,
 * naming the item. The computed total and its breakdown are kept with the marks.
 */
@Injectable()
export class SaveExpertMarksUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly scoring: ScoringRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly dossiers: ReadDossierForReviewUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, assignmentId: string, marks: Record<string, number>, submit: boolean) {
    return this.dataSource.transaction(async (tx) => {
      const seen = await this.scoring.assignment(tx, assignmentId);
      if (!seen || seen.expertId !== actor.userId) {
        throw new NotFoundError(`Expert assignment ${assignmentId}`);
      }
      await this.runner.openStageForDecision(tx, seen.editionId, seen.stageId);
      const assignment = (await this.scoring.lockAssignment(tx, assignmentId))!;
      if (assignment.status === 'submitted') {
        throw new WorkflowStateError(
          'The marks are submitted and final; the secretariat can reopen them with a reason',
        );
      }
      const { definition, edition } = await this.editions.execute(seen.editionId, tx);
      const stage = scoringStageOf(definition, seen.stageId);
      const errors = validateMarks(stage.rubric, marks, { complete: submit });
      if (errors.length > 0) throw new RequestValidationError(markFieldErrors(errors));
      const { dossier } = await this.dossiers.execute(seen.nominationId, {
        subjectType: 'expert-assignment',
        subjectId: assignmentId,
      });
      const breakdown = scoreRubric(definition, stage.rubric, dossier, {
        judged: marks,
        referenceDate: edition.referenceDate,
      });
      const status: AssignmentStatus = submit ? 'submitted' : 'draft';
      await this.scoring.saveMarks(tx, assignmentId, {
        status,
        marks,
        total: breakdown.total,
        breakdown,
      });
      if (submit) {
        await addOutboxEvent(tx, Topic.ExpertMarksSubmitted, {
          assignmentId,
          editionId: seen.editionId,
          stageId: seen.stageId,
          nominationId: seen.nominationId,
          total: breakdown.total,
        });
      }
      await this.audit.record(tx, {
        action: submit ? 'workflow.expert-marks-submitted' : 'workflow.expert-marks-saved',
        subjectType: 'expert-assignment',
        subjectId: assignmentId,
        before: { status: assignment.status, marks: assignment.marks },
        after: { status, marks, total: breakdown.total },
      });
      return { id: assignmentId, status, marks, total: breakdown.total, breakdown };
    });
  }
}
