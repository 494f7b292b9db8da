import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadDossierForReviewUseCase } from '@craftcert/nominations';
import { blindDossier, judgedItems } from '@craftcert/pipeline';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { scoringStageOf } from '../domain/scoring-stage';
import { ScoringRepository } from '../persistence/scoring.repository';

/**
 * The dossier an expert scores, with the items they mark. In a blind stage the candidate's name
 * and every field the definition marks as identifying are left out of the response.
 */
@Injectable()
export class ReadAssignmentDossierUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly dossiers: ReadDossierForReviewUseCase,
  ) {}

  async execute(actor: Actor, assignmentId: string) {
    const assignment = await this.scoring.assignment(this.dataSource.manager, assignmentId);
    if (!assignment || assignment.expertId !== actor.userId) {
      throw new NotFoundError(`Expert assignment ${assignmentId}`);
    }
    const { definition } = await this.editions.execute(assignment.editionId);
    const stage = scoringStageOf(definition, assignment.stageId);
    const read = await this.dossiers.execute(assignment.nominationId, {
      subjectType: 'expert-assignment',
      subjectId: assignmentId,
    });
    const blind = stage.blind === true;
    return {
      assignmentId,
      stageId: stage.id,
      blind,
      candidate: blind ? null : read.candidate,
      dossier: blind ? blindDossier(definition, read.dossier) : read.dossier,
      judgedItems: judgedItems(stage.rubric).map((i) => ({
        id: i.id,
        label: i.label,
        minPoints: i.minPoints ?? 0,
        maxPoints: i.maxPoints,
      })),
      status: assignment.status,
      marks: assignment.marks,
      total: assignment.total,
    };
  }
}
