import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, NotFoundError, RequestValidationError, Topic } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { panelScoresOf, resolvedWithReason, scoringStageOf } from '../domain/scoring-stage';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScoringRepository } from '../persistence/scoring.repository';
import { StageRunner } from './stage-runner';

export interface ArbitrationCommand {
  nominationId: string;
  score: number;
  reason: string;
}

/**
 * Records the arbitration group's result for a candidate whose experts' marks spread beyond the
 * threshold; the score is then resolved as the definition says (replace, or mean with the panel).
 */
@Injectable()
export class RecordArbitrationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly scoring: ScoringRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(editionId: string, stageId: string, command: ArbitrationCommand, actorId: string) {
    return this.dataSource.transaction(async (tx) => {
      await this.runner.openStageForDecision(tx, editionId, stageId);
      const { definition } = await this.editions.execute(editionId, tx);
      const stage = scoringStageOf(definition, stageId);
      const rows = await this.scoring.ofStage(tx, editionId, stageId);
      if (!rows.some((r) => r.nominationId === command.nominationId)) {
        throw new NotFoundError(`Candidate ${command.nominationId} in ${stageId}`);
      }
      const panel = panelScoresOf(stage, rows).find((p) => p.candidateId === command.nominationId);
      if (!panel?.needsArbitration) {
        throw new WorkflowStateError(
          "The experts' submitted marks for this candidate do not need arbitration",
        );
      }
      if (command.score > stage.rubric.maxScore) {
        throw new RequestValidationError([
          { path: 'score', message: `must be at most the rubric's ${stage.rubric.maxScore}` },
        ]);
      }
      await this.scoring.recordArbitration(tx, {
        editionId,
        stageId,
        nominationId: command.nominationId,
        score: command.score,
        reason: command.reason,
        decidedBy: actorId,
      });
      const resolved = resolvedWithReason(stage, panel.score, command);
      await addOutboxEvent(tx, Topic.ScoreArbitrated, {
        editionId,
        stageId,
        nominationId: command.nominationId,
        panelScore: panel.score,
        score: resolved.score,
      });
      await this.audit.record(tx, {
        action: 'workflow.score-arbitrated',
        subjectType: 'nomination',
        subjectId: command.nominationId,
        before: { score: panel.score, spread: panel.spread },
        after: { arbitrated: command.score, score: resolved.score, reason: command.reason },
      });
      return { nominationId: command.nominationId, panelScore: panel.score, ...resolved };
    });
  }
}
