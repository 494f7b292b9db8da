import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toLocalDate } from '@craftcert/calendar';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { maySee } from '../domain/task-access';
import { TaskRepository } from '../persistence/task.repository';
import type {
  InformationRequestEntity,
  ReviewDecisionEntity,
} from '../persistence/workflow.entities';
import { type TaskView, WorkflowQueries } from '../persistence/workflow.queries';

export interface TaskDetail {
  task: TaskView & { checklist: { id: string; label: { zh: string; en: string } }[] };
  /** Every decision in order, superseded ones included. */
  decisions: ReviewDecisionEntity[];
  informationRequests: InformationRequestEntity[];
}

/** One task with its checklist, its full decision history and its requests for information. */
@Injectable()
export class ReadReviewTaskUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: WorkflowQueries,
    private readonly tasks: TaskRepository,
  ) {}

  async execute(actor: Actor, taskId: string): Promise<TaskDetail> {
    const task = await this.queries.task(taskId, toLocalDate(new Date()));
    if (!task || !maySee(actor, task)) throw new NotFoundError(`Review task ${taskId}`);
    const manager = this.dataSource.manager;
    return {
      task: task as TaskDetail['task'],
      decisions: await this.tasks.decisions(manager, [taskId]),
      informationRequests: await this.tasks.requests(manager, [taskId]),
    };
  }
}
