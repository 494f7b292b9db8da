import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@craftcert/platform';
import { OpenCycleEditionUseCase } from '@craftcert/programmes';
import { ScheduleRepository } from '../persistence/schedule.repository';
import type { ScheduledTransitionEntity } from '../persistence/schedule.entities';
import { CloseStageUseCase } from './close-stage.use-case';
import { EnterStageUseCase } from './enter-stage.use-case';
import { PlanEditionScheduleUseCase } from './plan-edition-schedule.use-case';
import { SetProgrammeCycleUseCase } from './set-programme-cycle.use-case';

/** Rows one run takes on at most; a backlog larger than this continues on the next run. */
const RUN_LIMIT = 500;

export interface ScheduleRun {
  /** Another process was running the schedule: it covers what is due. */
  skipped: boolean;
  ran: string[];
  refused: { key: string; error: string }[];
}

/**
 * Runs every scheduled transition due at `now`, once each and in the order they fell due — after
 * an outage, everything missed, in order. One run at a time across all processes; every
 * transition is idempotent, so a run cut short before marking a row repeats nothing when the row
 * runs again. A transition refused (a previous stage still open, say) stays pending with the
 * reason, and holds back the rest of its edition until it succeeds.
 */
@Injectable()
export class RunDueTransitionsUseCase {
  private readonly logger = new Logger('Schedule');

  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly openEdition: OpenCycleEditionUseCase,
    private readonly planEdition: PlanEditionScheduleUseCase,
    private readonly cycles: SetProgrammeCycleUseCase,
    private readonly enterStage: EnterStageUseCase,
    private readonly closeStage: CloseStageUseCase,
  ) {}

  async execute(now: Date = new Date()): Promise<ScheduleRun> {
    const run = await this.schedule.exclusively(async () => {
      const result: ScheduleRun = { skipped: false, ran: [], refused: [] };
      const held = new Set<string>();
      for (const row of await this.schedule.due(now, RUN_LIMIT)) {
        const line = row.editionId ?? row.programmeId;
        if (held.has(line)) continue;
        try {
          await this.perform(row, now);
          await this.schedule.markDone(row.id, now);
          result.ran.push(row.key);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          held.add(line);
          await this.schedule.markRefused(row.id, error.message);
          result.refused.push({ key: row.key, error: error.message });
          this.logger.warn(`scheduled ${row.key} refused: ${error.message}`);
        }
      }
      return result;
    });
    return run ?? { skipped: true, ran: [], refused: [] };
  }

  private async perform(row: ScheduledTransitionEntity, now: Date): Promise<void> {
    const transition = { editionId: row.editionId!, stageId: row.stageId!, actorId: null };
    switch (row.action) {
      case 'editionOpen':
        return this.open(row, now);
      case 'stageEnter':
        await this.enterStage.execute({ ...transition, scheduled: true });
        return;
      case 'stageClose':
        await this.closeStage.execute({ ...transition, scheduled: true });
        return;
    }
  }

  /** Opens the cycle year's edition, plans its stages, and plans the cycle's next opening. */
  private async open(row: ScheduledTransitionEntity, now: Date): Promise<void> {
    const cycle = await this.cycles.read(row.programmeId);
    const { edition } = await this.openEdition.execute({
      programmeId: row.programmeId,
      year: row.year!,
      opensOn: cycle.opensOn,
      nominationDays: cycle.nominationDays,
    });
    await this.planEdition.plan(edition, null);
    await this.cycles.planNextOpening(row.programmeId, now, row.year!);
  }
}
