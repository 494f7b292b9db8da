import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { StageEndScheduler } from '../jobs/stage-end.scheduler';
import { StageRunner, type TransitionRequest, type TransitionResult } from './stage-runner';

/**
 * Enters a stage: the candidates who passed the stage before (or, for the first, the eligible
 * nominations at the secretariat) get their status and tasks in one transaction. Entering an
 * entered stage again changes nothing and answers with the first entry.
 */
@Injectable()
export class EnterStageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly audit: AuditLog,
    private readonly scheduler: StageEndScheduler,
  ) {}

  async execute(request: TransitionRequest): Promise<TransitionResult> {
    const entered = await this.dataSource.transaction(async (tx) => {
      const result = await this.runner.enter(tx, request);
      if (!result.replayed) {
        await this.audit.record(tx, {
          action: 'workflow.stage-entered',
          subjectType: 'edition',
          subjectId: request.editionId,
          after: { stageId: request.stageId, ...result.summary },
          ...(request.scheduled ? { actor: null } : {}),
        });
      }
      return result;
    });
    await this.scheduler.schedule(request.editionId, [entered]);
    return entered;
  }
}
