import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachAnswerEvidenceUseCase } from '@craftcert/nominations';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { WorkflowStateError } from '../domain/workflow.errors';
import { TaskRepository } from '../persistence/task.repository';

/**
 * The nominating unit sends an evidence file with its answer to a request for information,
 * before answering; the nominations context checks and stores it as it does the dossier's own.
 * The request is re-read under its lock in the file's transaction, so a file never lands on a
 * request answered meanwhile.
 */
@Injectable()
export class AttachRequestEvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly evidence: AttachAnswerEvidenceUseCase,
  ) {}

  async execute(
    actor: Actor,
    requestId: string,
    upload: { kind: string; fileName: string; bytes: Buffer },
  ) {
    const manager = this.dataSource.manager;
    const request = await this.tasks.request(manager, requestId);
    const isUnit = actor.roles.includes('unitNominator') || actor.roles.includes('unitApprover');
    if (!request || !isUnit || request.organisationId !== actor.organisationId) {
      throw new NotFoundError(`Information request ${requestId}`);
    }
    if (request.answeredAt) throw new WorkflowStateError('The request has already been answered');
    const task = (await this.tasks.task(manager, request.taskId))!;
    return this.evidence.execute(
      {
        nominationId: task.nominationId,
        organisationId: actor.organisationId,
        userId: actor.userId,
        requestId,
        ...upload,
      },
      async (tx) => {
        if (!(await this.tasks.lockOpenRequest(tx, requestId))) {
          throw new WorkflowStateError('The request has already been answered');
        }
      },
    );
  }
}
