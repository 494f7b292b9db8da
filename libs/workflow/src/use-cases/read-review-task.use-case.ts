import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toLocalDate } from '@craftcert/calendar';
import { AttachAnswerEvidenceUseCase } from '@craftcert/nominations';
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
  /** Each request with the evidence files the unit sent with its answer (metadata only). */
  informationRequests: (InformationRequestEntity & { evidence: AnswerEvidenceFile[] })[];
}

export interface AnswerEvidenceFile {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

/** One task with its checklist, its full decision history and its requests for information. */
@Injectable()
export class ReadReviewTaskUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: WorkflowQueries,
    private readonly tasks: TaskRepository,
    private readonly evidence: AttachAnswerEvidenceUseCase,
  ) {}

  async execute(actor: Actor, taskId: string): Promise<TaskDetail> {
    const task = await this.queries.task(taskId, toLocalDate(new Date()));
    if (!task || !maySee(actor, task)) throw new NotFoundError(`Review task ${taskId}`);
    const manager = this.dataSource.manager;
    const requests = await this.tasks.requests(manager, [taskId]);
    const files = await this.evidence.listFor(requests.map((r) => r.id));
    return {
      task: task as TaskDetail['task'],
      decisions: await this.tasks.decisions(manager, [taskId]),
      informationRequests: requests.map((r) =>
        Object.assign(r, {
          evidence: (files.get(r.id) ?? []).map((f) => ({
            id: f.id,
            kind: f.kind,
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            uploadedAt: f.createdAt,
          })),
        }),
      ),
    };
  }
}
