import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { advancePlan } from '@craftcert/pipeline';
import { WorkflowStateError } from '../domain/workflow.errors';
import { StageEndScheduler } from '../jobs/stage-end.scheduler';
import { StageRepository } from '../persistence/stage.repository';
import { StageRunner, type TransitionResult } from './stage-runner';

export interface AdvanceRequest {
  editionId: string;
  actorId: string;
  force?: boolean;
  reason?: string;
}

/**
 * Moves an edition on by one step in one transaction: closes the open stage and enters the next
 * (or enters the first stage). Either both happen or neither.
 */
@Injectable()
export class AdvanceWorkflowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly stages: StageRepository,
    private readonly audit: AuditLog,
    private readonly scheduler: StageEndScheduler,
  ) {}

  async execute(request: AdvanceRequest): Promise<TransitionResult[]> {
    const done = await this.dataSource.transaction(async (tx) => {
      await this.stages.lockEdition(tx, request.editionId);
      const graph = await this.runner.graph(tx, request.editionId);
      const plan = advancePlan(graph, await this.stages.transitions(tx, request.editionId));
      if (plan.length === 0) throw new WorkflowStateError('Every stage of the edition has closed');
      const results: TransitionResult[] = [];
      for (const step of plan) {
        const transition = step.transition === 'close' ? this.runner.close : this.runner.enter;
        results.push(await transition.call(this.runner, tx, { ...request, stageId: step.stageId }));
      }
      await this.audit.record(tx, {
        action: 'workflow.advanced',
        subjectType: 'edition',
        subjectId: request.editionId,
        after: {
          steps: results.map((r) => ({
            stageId: r.stageId,
            transition: r.transition,
            ...r.summary,
          })),
          forced: results.some((r) => r.record?.forced),
          reason: request.reason ?? null,
        },
      });
      return results;
    });
    await this.scheduler.schedule(request.editionId, done);
    return done;
  }
}
