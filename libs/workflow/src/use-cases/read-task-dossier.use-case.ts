import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadDossierForReviewUseCase } from '@craftcert/nominations';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { maySee } from '../domain/task-access';
import { TaskRepository } from '../persistence/task.repository';

/** The candidate's dossier, read-only, for whoever may see the task; the personal-data read is audited. */
@Injectable()
export class ReadTaskDossierUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly dossiers: ReadDossierForReviewUseCase,
  ) {}

  async execute(actor: Actor, taskId: string) {
    const task = await this.tasks.task(this.dataSource.manager, taskId);
    if (!task || !maySee(actor, task)) throw new NotFoundError(`Review task ${taskId}`);
    return this.dossiers.execute(task.nominationId, {
      subjectType: 'review-task',
      subjectId: taskId,
    });
  }
}
