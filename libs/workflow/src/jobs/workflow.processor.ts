import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobName, JobProcessor, QueueName, workerOptions } from '@craftcert/platform';
import { CloseStageUseCase } from '../use-cases/close-stage.use-case';
import { NotifyTaskDeadlineUseCase } from '../use-cases/notify-task-deadline.use-case';
import { RemindOpenTasksUseCase } from '../use-cases/remind-open-tasks.use-case';
import { RunDueTransitionsUseCase } from '../use-cases/run-due-transitions.use-case';

/** Scheduled stage ends, reminders, task deadlines and the schedule: thin calls into the same use cases the API uses. */
@Processor(QueueName.Workflow, workerOptions(2))
export class WorkflowProcessor extends JobProcessor {
  readonly queueName = QueueName.Workflow;

  constructor(
    private readonly closeStage: CloseStageUseCase,
    private readonly remind: RemindOpenTasksUseCase,
    private readonly runDue: RunDueTransitionsUseCase,
    private readonly notifyDeadline: NotifyTaskDeadlineUseCase,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.WorkflowStageEnd]: async (data) => {
      const result = await this.closeStage.execute({ ...data, actorId: null, scheduled: true });
      return { replayed: result.replayed, deferred: result.deferred ?? false, ...result.summary };
    },
    [JobName.WorkflowStageReminder]: async (data) => ({
      reminded: await this.remind.execute(data.editionId, data.stageId),
    }),
    [JobName.WorkflowScheduleTick]: async () => {
      const run = await this.runDue.execute();
      return { skipped: run.skipped, ran: run.ran.length, refused: run.refused.length };
    },
    [JobName.WorkflowTaskDeadline]: async (data) => ({
      noticed: await this.notifyDeadline.execute(data),
    }),
  };
}
