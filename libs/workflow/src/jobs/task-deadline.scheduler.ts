import { Injectable, Logger } from '@nestjs/common';
import { toLocalDate, WorkingCalendar } from '@craftcert/calendar';
import { DomainError, JobName, JobQueue } from '@craftcert/platform';
import { overdueNotice, type PlannedNotice, planDeadlineNotices } from '../domain/task-deadlines';

/** The instant a local day (Asia/Shanghai, no daylight saving) begins. */
function startOfDay(localDate: string): number {
  return Date.parse(`${localDate}T00:00:00+08:00`);
}

/**
 * Schedules a due date's reminders and escalation as delayed jobs. Ids are made of the stage (or
 * the one task) and the due date, so scheduling the same date twice is one set of jobs; a moved
 * date (an extension, a resumed clock) gets its own set, and the old date's jobs find the task no
 * longer due then and write nothing for it. Runs after the transaction that set the date commits.
 */
@Injectable()
export class TaskDeadlineScheduler {
  private readonly logger = new Logger(TaskDeadlineScheduler.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** Every task of a stage just entered, all due on the stage's last day. */
  scheduleStage(editionId: string, stageId: string, dueOn: string): Promise<number> {
    return this.schedule({ editionId, stageId, dueOn }, `task-deadline.${editionId}.${stageId}`);
  }

  /** One task whose due date has moved. */
  scheduleTask(
    task: { id: string; editionId: string; stageId: string },
    dueOn: string,
  ): Promise<number> {
    return this.schedule(
      { editionId: task.editionId, stageId: task.stageId, dueOn, taskId: task.id },
      `task-deadline.${task.id}`,
    );
  }

  private async schedule(
    target: { editionId: string; stageId: string; dueOn: string; taskId?: string },
    idPrefix: string,
  ): Promise<number> {
    try {
      const snapshot = await this.calendar.snapshot();
      const now = Date.now();
      let plan: PlannedNotice[];
      try {
        plan = planDeadlineNotices(target.dueOn, toLocalDate(new Date(now)), snapshot);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CALENDAR_DATA_MISSING')) throw error;
        // Reminders count working days, which a year without holiday data refuses; the
        // escalation needs no such count and is still scheduled.
        this.logger.warn(
          { ...target, err: error.message },
          'no deadline reminders: no calendar data',
        );
        plan = [overdueNotice(target.dueOn)];
      }
      for (const { notice, firesOn } of plan) {
        await this.jobs.enqueue(
          JobName.WorkflowTaskDeadline,
          { ...target, notice },
          {
            jobId: `${idPrefix}.${target.dueOn}.${notice}`,
            delay: Math.max(0, startOfDay(firesOn) - now),
          },
        );
      }
      return plan.length;
    } catch (error) {
      // The date stands either way; the stage's own end and the progress view still show it.
      this.logger.error({ err: error, ...target }, 'could not schedule the deadline notices');
      return 0;
    }
  }
}
