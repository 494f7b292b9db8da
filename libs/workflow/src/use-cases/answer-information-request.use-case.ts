import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type LocalDate, toLocalDate, WorkingCalendar } from '@craftcert/calendar';
import { AttachAnswerEvidenceUseCase } from '@craftcert/nominations';
import { addOutboxEvent, type Actor, NotFoundError, Topic } from '@craftcert/platform';
import { TaskDeadlineScheduler } from '../jobs/task-deadline.scheduler';
import { WorkflowStateError } from '../domain/workflow.errors';
import { TaskRepository } from '../persistence/task.repository';
import { StageRunner } from './stage-runner';

/**
 * The nominating unit answers a department's request for more information: the task reopens for
 * the department, and its due date moves on by the working days it waited (the clock was paused).
 * Evidence files sent beforehand (see AttachRequestEvidenceUseCase) are part of the answer.
 */
@Injectable()
export class AnswerInformationRequestUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly tasks: TaskRepository,
    private readonly calendar: WorkingCalendar,
    private readonly evidence: AttachAnswerEvidenceUseCase,
    private readonly deadlines: TaskDeadlineScheduler,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, requestId: string, answer: string): Promise<void> {
    const resumed = await this.dataSource.transaction(async (tx) => {
      const seen = await this.tasks.request(tx, requestId);
      const isUnit = actor.roles.includes('unitNominator') || actor.roles.includes('unitApprover');
      if (!seen || !isUnit || seen.organisationId !== actor.organisationId) {
        throw new NotFoundError(`Information request ${requestId}`);
      }
      const task = (await this.tasks.task(tx, seen.taskId))!;
      const context = await this.runner.openStageForDecision(tx, task.editionId, task.stageId);
      const candidate = (await this.tasks.lockCandidate(tx, task.candidateStageId))!;
      const request = await this.tasks.lockOpenRequest(tx, requestId);
      if (!request) throw new WorkflowStateError('The request has already been answered');
      const locked = (await this.tasks.lockTask(tx, task.id))!;
      if (locked.currentDecisionId !== request.decisionId) {
        throw new WorkflowStateError(
          'The department has since decided; the request no longer stands',
        );
      }
      const snapshot = await this.calendar.snapshot(tx);
      const waited = snapshot.workingDaysBetween(
        toLocalDate(request.askedAt),
        toLocalDate(new Date()),
      );
      const dueOn = locked.dueOn
        ? snapshot.addWorkingDays(locked.dueOn as LocalDate, waited)
        : null;
      await this.tasks.answerRequest(tx, request.id, answer, actor.userId);
      await this.tasks.setCurrent(tx, locked.id, { status: 'open', decision: null, dueOn });
      const outcome = await this.runner.refreshOutcome(tx, context, candidate.id);
      // Files sent with the answer were stored under this request's lock: none can follow it.
      const files = (await this.evidence.listFor([request.id])).get(request.id) ?? [];
      await addOutboxEvent(tx, Topic.InformationAnswered, {
        requestId: request.id,
        taskId: locked.id,
        organisationId: locked.organisationId,
        dueOn,
        evidenceFiles: files.length,
      });
      await this.audit.record(tx, {
        action: Topic.InformationAnswered,
        subjectType: 'information-request',
        subjectId: request.id,
        after: {
          taskId: locked.id,
          dueOn,
          candidateStatus: outcome.status,
          evidence: files.map((f) => f.id),
        },
      });
      return { task: locked, dueOn };
    });
    // The clock restarts with a later due date: its reminders and escalation move with it.
    if (resumed.dueOn) await this.deadlines.scheduleTask(resumed.task, resumed.dueOn);
  }
}
