import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssignmentResult } from '@craftcert/pipeline';
import { NotFoundError, RequestValidationError } from '@craftcert/platform';
import { ExpertAssignmentPlanner } from './expert-assignment-planner';
import { StageRunner } from './stage-runner';

/**
 * The assignment entering a scoring stage would make now, or the dossiers short of unconflicted
 * experts: the secretariat's check before it opens the stage. Writes nothing.
 */
@Injectable()
export class PlanExpertAssignmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly planner: ExpertAssignmentPlanner,
  ) {}

  execute(editionId: string, stageId: string): Promise<AssignmentResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const graph = await this.runner.graph(tx, editionId);
      const stage = graph.stage(stageId);
      if (!stage) throw new NotFoundError(`Stage ${stageId}`);
      if (stage.kind !== 'expertScoring') {
        throw new RequestValidationError([
          { path: 'stageId', message: `${stageId} is not an expert scoring stage` },
        ]);
      }
      const entrants = await this.runner.entrantsOf(tx, graph, editionId, stageId);
      return this.planner.plan(tx, editionId, stage, entrants);
    });
  }
}
