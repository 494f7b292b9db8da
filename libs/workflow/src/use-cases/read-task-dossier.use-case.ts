import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadDossierForReviewUseCase } from '@craftcert/nominations';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { requireClearDeclaration } from '../domain/conflict-gate';
import { mayDecide, maySee } from '../domain/task-access';
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
    // The department's own reviewers declare first; overseers read without deciding.
    if (mayDecide(actor, task)) {
      const declaration = await this.tasks.declaration(
        this.dataSource.manager,
        taskId,
        actor.userId,
      );
      requireClearDeclaration(task, declaration);
    }
    return this.dossiers.execute(task.nominationId, {
      subjectType: 'review-task',
      subjectId: taskId,
    });
  }
}
