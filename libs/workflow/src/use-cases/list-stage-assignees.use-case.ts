import { Injectable } from '@nestjs/common';
import { WorkflowQueries } from '../persistence/workflow.queries';

/**
 * Who is assigned to a stage, as the organisations owning its tasks (departments, the
 * secretariat): notifications sends to their reviewing members.
 */
@Injectable()
export class ListStageAssigneesUseCase {
  constructor(private readonly queries: WorkflowQueries) {}

  execute(editionId: string, stageId: string): Promise<string[]> {
    return this.queries.stageAssignees(editionId, stageId);
  }
}
