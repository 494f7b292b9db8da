import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@craftcert/calendar';
import { type ProgressRow, WorkflowQueries } from '../persistence/workflow.queries';

/** The secretariat's view of a stage: done, pending, paused and overdue work per department and per reviewer. */
@Injectable()
export class ReadStageProgressUseCase {
  constructor(private readonly queries: WorkflowQueries) {}

  execute(
    editionId: string,
    stageId: string,
  ): Promise<{ byTask: ProgressRow[]; byReviewer: ProgressRow[] }> {
    return this.queries.progress(editionId, stageId, toLocalDate(new Date()));
  }
}
