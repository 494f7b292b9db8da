import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { WorkingCalendar } from '@craftcert/calendar';
import type { CandidateOutcome, TaskDecision } from '@craftcert/pipeline';
import {
  addOutboxEvent,
  type Actor,
  NotFoundError,
  RequestValidationError,
  Topic,
} from '@craftcert/platform';
import { requireClearDeclaration } from '../domain/conflict-gate';
import { mayDecide } from '../domain/task-access';
import { taskStatusAfter } from '../domain/task-status';
import { WorkflowStateError } from '../domain/workflow.errors';
import { TaskRepository } from '../persistence/task.repository';
import type { ChecklistAnswer, ReviewDecisionEntity } from '../persistence/workflow.entities';
import { StageRepository } from '../persistence/stage.repository';
import { outcomeUpdate, StageRunner } from './stage-runner';
import { informationDueOn } from './information-due';

export interface DecideCommand {
  taskId: string;
  decision: TaskDecision;
  reason: string;
  checklist: ChecklistAnswer[];
  /** The decision this one amends; required once the task is decided. */
  amends?: string;
}

export interface DecisionResult {
  decision: ReviewDecisionEntity;
  outcome: CandidateOutcome;
}

/**
 * Records a decision on a task and recomputes the candidate's outcome under the stage's rule, in
 * one transaction of few round trips. Locks, in order: the stage (shared; a close waits for it),
 * then the candidate with the task (two departments deciding at once recompute one after the other).
 */
@Injectable()
export class DecideTaskUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: StageRunner,
    private readonly tasks: TaskRepository,
    private readonly stages: StageRepository,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: Actor, command: DecideCommand): Promise<DecisionResult> {
    return this.dataSource.transaction(async (tx) => {
      const seen = await this.tasks.taskWithDeclaration(tx, command.taskId, actor.userId);
      if (!seen || !mayDecide(actor, seen.task)) {
        throw new NotFoundError(`Review task ${command.taskId}`);
      }
      requireClearDeclaration(seen.task, seen.declaration);
      const context = await this.runner.openStageForDecision(
        tx,
        seen.task.editionId,
        seen.task.stageId,
      );
      const { candidate, task } = (await this.tasks.lockCandidateAndTask(
        tx,
        seen.task.candidateStageId,
        seen.task.id,
      ))!;
      if (candidate.status === 'withdrawn')
        throw new WorkflowStateError('The nomination was withdrawn');
      if (candidate.settled)
        throw new WorkflowStateError(
          'The secretariat has settled this candidate in the stage; decisions no longer change it',
        );
      requireAnswers(
        task.checklist.map((c) => c.id),
        command,
      );
      if (command.amends !== undefined && command.amends !== task.currentDecisionId) {
        throw new WorkflowStateError('Only the current decision of the task can be amended');
      }
      if (command.amends === undefined && task.status !== 'open') {
        throw new WorkflowStateError(
          task.status === 'paused'
            ? 'The task waits for the nominating unit to answer; amend the request to decide now'
            : 'The task is already decided; send an amendment naming the decision it amends',
        );
      }
      // The decision, the task's current decision and the join's input in one statement.
      const { decision, states } = await this.tasks.recordDecision(
        tx,
        {
          taskId: task.id,
          decision: command.decision,
          reason: command.reason,
          checklist: command.checklist,
          // A decision after an answered request supersedes the request, so the chain stays one line.
          supersedesId: task.currentDecisionId,
          decidedBy: actor.userId,
          status: taskStatusAfter(command.decision),
        },
        candidate.id,
      );
      if (command.decision === 'requestInfo') {
        const dueOn = await informationDueOn(this.calendar, tx, context.stage);
        const request = await this.tasks.addInformationRequest(tx, {
          taskId: task.id,
          decisionId: decision.id,
          organisationId: candidate.nominatingOrganisationId,
          question: command.reason,
          dueOn,
        });
        await addOutboxEvent(tx, Topic.InformationRequested, {
          requestId: request.id,
          taskId: task.id,
          nominationId: task.nominationId,
          organisationId: candidate.nominatingOrganisationId,
          dueOn,
        });
      }
      const outcome = this.runner.outcomeOf(context, states);
      // The candidate's new outcome and the decision's event in one statement.
      await this.stages.updateOutcomeWithEvent(tx, outcomeUpdate(candidate.id, outcome), {
        topic: Topic.TaskDecided,
        payload: {
          taskId: task.id,
          editionId: task.editionId,
          stageId: task.stageId,
          nominationId: task.nominationId,
          decision: command.decision,
          amendment: command.amends !== undefined,
          candidateStatus: outcome.status,
        },
      });
      await this.audit.record(tx, {
        action: command.amends ? 'workflow.decision-amended' : 'workflow.task-decided',
        subjectType: 'review-task',
        subjectId: task.id,
        before: { decision: task.decision, candidateStatus: candidate.status },
        after: {
          decision: command.decision,
          decisionId: decision.id,
          candidateStatus: outcome.status,
        },
      });
      return { decision, outcome };
    });
  }
}

/** Every checklist item of the task answered once, and nothing else (a request for information may come first). */
function requireAnswers(items: readonly string[], command: DecideCommand): void {
  const answered = command.checklist.map((a) => a.itemId);
  const missing =
    command.decision === 'requestInfo' ? [] : items.filter((id) => !answered.includes(id));
  const errors = [
    ...missing.map((id) => ({ path: `checklist.${id}`, message: 'must be answered' })),
    ...answered
      .filter((id, i) => !items.includes(id) || answered.indexOf(id) !== i)
      .map((id) => ({
        path: `checklist.${id}`,
        message: 'is not an item of this task’s checklist, or is answered twice',
      })),
  ];
  if (errors.length > 0) throw new RequestValidationError(errors);
}
