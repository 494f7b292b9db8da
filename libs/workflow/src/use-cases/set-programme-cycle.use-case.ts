import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError, RequestValidationError } from '@craftcert/platform';
import { OpenCycleEditionUseCase } from '@craftcert/programmes';
import { isDayOfYear, nextCycleYear, openingOf } from '../domain/schedule';
import { ProgrammeCycleEntity, ScheduledTransitionEntity } from '../persistence/schedule.entities';
import { ScheduleRepository } from '../persistence/schedule.repository';

export interface ProgrammeCycleCommand {
  opensOn: string;
  nominationDays: number;
  firstYear: number;
}

export interface ProgrammeCycleView extends ProgrammeCycleCommand {
  programmeId: string;
  everyYears: number;
  nextOpening: { year: number; opensAt: Date } | null;
}

/**
 * A programme's annual (or every-N-years) cycle: on its day each cycle year, the next edition
 * opens from the latest published definition. Setting it replans the next opening.
 */
@Injectable()
export class SetProgrammeCycleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schedule: ScheduleRepository,
    private readonly editions: OpenCycleEditionUseCase,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    programmeId: string,
    command: ProgrammeCycleCommand,
    actorId: string,
    now = new Date(),
  ): Promise<ProgrammeCycleView> {
    if (!isDayOfYear(command.opensOn)) {
      throw new RequestValidationError([
        { path: 'opensOn', message: 'opensOn must be a day of the year as MM-DD, e.g. 03-01' },
      ]);
    }
    const { everyYears } = await this.editions.cadence(programmeId);
    const year = nextCycleYear(command, everyYears, now);
    await this.dataSource.transaction(async (tx) => {
      const before = await this.schedule.cycle(tx, programmeId);
      await tx.upsert(ProgrammeCycleEntity, { programmeId, ...command, updatedBy: actorId }, [
        'programmeId',
      ]);
      // A changed cycle replaces the opening it had planned.
      await tx.delete(ScheduledTransitionEntity, {
        programmeId,
        action: 'editionOpen',
        status: 'pending',
      });
      await this.schedule.plan(tx, [opening(programmeId, command, year)]);
      await this.audit.record(tx, {
        action: 'programme.cycle-set',
        subjectType: 'programme',
        subjectId: programmeId,
        before: before && { opensOn: before.opensOn, nominationDays: before.nominationDays },
        after: { ...command, nextYear: year },
      });
    });
    return this.view(programmeId);
  }

  async read(programmeId: string): Promise<ProgrammeCycleEntity> {
    const cycle = await this.schedule.cycle(this.dataSource.manager, programmeId);
    if (!cycle) throw new NotFoundError(`The cycle of programme ${programmeId}`);
    return cycle;
  }

  async view(programmeId: string): Promise<ProgrammeCycleView> {
    const cycle = await this.read(programmeId);
    const { everyYears } = await this.editions.cadence(programmeId);
    const [next] = await this.schedule.pendingOpenings(this.dataSource.manager, programmeId);
    return {
      programmeId,
      opensOn: cycle.opensOn,
      nominationDays: cycle.nominationDays,
      firstYear: cycle.firstYear,
      everyYears,
      nextOpening: next ? { year: next.year!, opensAt: next.dueAt } : null,
    };
  }

  /** Plans the opening after `afterYear` (never one already past). */
  async planNextOpening(programmeId: string, now: Date, afterYear: number): Promise<void> {
    const cycle = await this.read(programmeId);
    const { everyYears } = await this.editions.cadence(programmeId);
    const year = Math.max(afterYear + everyYears, nextCycleYear(cycle, everyYears, now));
    await this.schedule.plan(this.dataSource.manager, [opening(programmeId, cycle, year)]);
  }
}

function opening(programmeId: string, cycle: { opensOn: string; firstYear: number }, year: number) {
  return {
    key: `editionOpen:${programmeId}:${year}`,
    action: 'editionOpen' as const,
    stageId: '',
    dueAt: openingOf(cycle, year),
    programmeId,
    editionId: null,
    year,
  };
}
