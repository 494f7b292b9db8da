import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addOutboxEvent, Topic } from '@craftcert/platform';
import { StageRepository } from '../persistence/stage.repository';

/**
 * On a stage's last day, one reminder per organisation that still has open or paused tasks, as
 * outbox events for notifications to deliver (nothing is sent from here).
 */
@Injectable()
export class RemindOpenTasksUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stages: StageRepository,
  ) {}

  execute(editionId: string, stageId: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const stage = await this.stages.stage(tx, editionId, stageId);
      if (stage?.phase !== 'open') return 0;
      const owners = await this.stages.openTasksByOwner(tx, editionId, stageId);
      for (const owner of owners) {
        await addOutboxEvent(tx, Topic.TasksDue, {
          editionId,
          stageId,
          organisationId: owner.organisationId,
          openTasks: owner.open,
          pausedTasks: owner.paused,
          dueOn: stage.dueOn,
        });
      }
      return owners.length;
    });
  }
}
