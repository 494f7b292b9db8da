import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { toLocalDate } from '@craftcert/calendar';
import { type Edition, LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { planStageTransitions } from '../domain/schedule';
import { ScheduleRepository } from '../persistence/schedule.repository';
import type { ScheduledTransitionEntity } from '../persistence/schedule.entities';

/**
 * Plans an edition's scheduled stage transitions from its definition's stage calendars (see
 * `planStageTransitions`). Planning again adds only what is missing: rows already planned keep
 * their time (and any shift an administrator made).
 */
@Injectable()
export class PlanEditionScheduleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly schedule: ScheduleRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(editionId: string, actorId: string | null): Promise<ScheduledTransitionEntity[]> {
    const { edition } = await this.editions.execute(editionId);
    await this.plan(edition, actorId);
    return this.schedule.forEdition(editionId);
  }

  async plan(edition: Edition, actorId: string | null): Promise<void> {
    const { definition } = await this.editions.execute(edition.id);
    // The cycle year is the year the edition's nominations open, in Beijing.
    const year = Number(toLocalDate(edition.nominationOpensAt).slice(0, 4));
    const planned = planStageTransitions(edition.id, definition.stages, year);
    await this.dataSource.transaction(async (tx) => {
      await this.schedule.plan(
        tx,
        planned.map((p) => ({ ...p, programmeId: edition.programmeId, editionId: edition.id })),
      );
      await this.audit.record(tx, {
        action: 'workflow.schedule-planned',
        subjectType: 'edition',
        subjectId: edition.id,
        after: { transitions: planned.length, year },
        ...(actorId ? {} : { actor: null }),
      });
    });
  }
}
