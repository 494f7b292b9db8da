import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import { type CandidateView, WorkflowQueries } from '../persistence/workflow.queries';
import { StageRunner } from './stage-runner';

/** Every candidate in a stage with their status, its explanation and their tasks' standing. */
@Injectable()
export class ListStageCandidatesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly queries: WorkflowQueries,
  ) {}

  async execute(editionId: string, stageId: string): Promise<CandidateView[]> {
    const graph = await this.runner.graph(this.dataSource.manager, editionId);
    if (!graph.stage(stageId)) throw new NotFoundError(`Stage ${stageId}`);
    return this.queries.candidates(editionId, stageId);
  }
}
