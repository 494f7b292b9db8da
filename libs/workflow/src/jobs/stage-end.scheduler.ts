import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobQueue } from '@craftcert/platform';
import type { TransitionResult } from '../use-cases/stage-runner';
import { TaskDeadlineScheduler } from './task-deadline.scheduler';

const DAY_MS = 86_400_000;

/** The instant a local day (Asia/Shanghai, no daylight saving) begins. */
function startOfDay(localDate: string): number {
  return Date.parse(`${localDate}T00:00:00+08:00`);
}

/**
 * Schedules a stage's reminder (when its last day begins) and its end (when that day is over) as
 * delayed jobs with ids made of the edition and stage, so scheduling twice is one job, and the
 * end job closing a closed stage is a no-op anyway; its tasks' reminders and escalation too (see
 * TaskDeadlineScheduler). Runs after the entering transaction commits.
 */
@Injectable()
export class StageEndScheduler {
  private readonly logger = new Logger(StageEndScheduler.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly deadlines: TaskDeadlineScheduler,
  ) {}

  async schedule(editionId: string, entered: readonly TransitionResult[]): Promise<void> {
    for (const result of entered) {
      if (result.transition !== 'enter' || result.replayed) continue;
      const dueOn = result.dueOn;
      if (!dueOn) continue;
      const data = { editionId, stageId: result.stageId };
      const now = Date.now();
      try {
        await this.jobs.enqueue(JobName.WorkflowStageReminder, data, {
          jobId: `stage-reminder.${editionId}.${result.stageId}`,
          delay: Math.max(0, startOfDay(dueOn) - now),
        });
        await this.jobs.enqueue(JobName.WorkflowStageEnd, data, {
          jobId: `stage-end.${editionId}.${result.stageId}`,
          delay: Math.max(0, startOfDay(dueOn) + DAY_MS - now),
        });
        if ((result.summary.tasks ?? 0) > 0) {
          await this.deadlines.scheduleStage(editionId, result.stageId, dueOn);
        }
      } catch (error) {
        // The stage is entered either way; the secretariat can still close it by hand.
        this.logger.error(
          { err: error, editionId, stageId: result.stageId },
          'could not schedule the stage end',
        );
      }
    }
  }
}
