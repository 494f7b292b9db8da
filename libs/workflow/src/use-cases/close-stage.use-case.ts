import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { StageRunner, type TransitionRequest, type TransitionResult } from './stage-runner';

/**
 * Closes a stage when its kind's conditions hold (or by force, with the reason recorded): every
 * candidate's outcome becomes final. A repeated close, by a person or by the scheduled end,
 * changes nothing. A scheduled end that finds candidates open records their escalation instead.
 */
@Injectable()
export class CloseStageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly audit: AuditLog,
  ) {}

  execute(request: TransitionRequest): Promise<TransitionResult> {
    return this.dataSource.transaction(async (tx) => {
      const result = await this.runner.close(tx, request);
      if (!result.replayed) {
        await this.audit.record(tx, {
          action: result.deferred ? 'workflow.stage-overdue' : 'workflow.stage-closed',
          subjectType: 'edition',
          subjectId: request.editionId,
          after: {
            stageId: request.stageId,
            forced: result.record?.forced ?? false,
            reason: request.reason ?? null,
            ...result.summary,
          },
          ...(request.scheduled ? { actor: null } : {}),
        });
      }
      return result;
    });
  }
}
