import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type PlannedTransition, SCHEDULED_ACTIONS } from '../domain/schedule';
import { ProgrammeCycleEntity, ScheduledTransitionEntity } from './schedule.entities';

// Serialises runs of the schedule across every process: transitions happen one at a time, in order.
const SCHEDULE_LOCK = [0x5343_4845, 1] as const;
// Rows falling due at the same instant run in SCHEDULED_ACTIONS order (a close before an entry).
const ACTION_RANK = `array_position(ARRAY[${SCHEDULED_ACTIONS.map((a) => `'${a}'`).join(', ')}]::varchar[], t.action)`;

@Injectable()
export class ScheduleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds planned rows; a key planned before keeps its row (and any shift made to it). */
  async plan(
    manager: EntityManager,
    rows: (PlannedTransition & { programmeId: string; editionId: string | null; year?: number })[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScheduledTransitionEntity)
      .values(
        rows.map((r) => ({
          key: r.key,
          programmeId: r.programmeId,
          editionId: r.editionId,
          action: r.action,
          stageId: r.stageId || null,
          year: r.year ?? null,
          dueAt: r.dueAt,
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * Runs `work` holding the schedule's lock on a connection of its own, or returns undefined
   * at once when another process holds it (that run covers what is due).
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        ...SCHEDULE_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) return undefined;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [...SCHEDULE_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Pending rows due at `now`, in the order they fall due. */
  due(now: Date, limit: number): Promise<ScheduledTransitionEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ScheduledTransitionEntity, 't')
      .where(`t.status = 'pending' AND t.due_at <= :now`, { now })
      .orderBy('t.due_at', 'ASC')
      .addOrderBy(ACTION_RANK, 'ASC')
      .addOrderBy('t.key', 'ASC')
      .limit(limit)
      .getMany();
  }

  async markDone(id: string, at: Date): Promise<void> {
    await this.dataSource.manager.update(
      ScheduledTransitionEntity,
      { id },
      { status: 'done', ranAt: at, lastError: null },
    );
  }

  async markRefused(id: string, error: string): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .update(ScheduledTransitionEntity)
      .set({ attempts: () => 'attempts + 1', lastError: error.slice(0, 1000) })
      .where('id = :id', { id })
      .execute();
  }

  forEdition(editionId: string): Promise<ScheduledTransitionEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ScheduledTransitionEntity, 't')
      .where('t.edition_id = :editionId', { editionId })
      .orderBy('t.due_at', 'ASC')
      .addOrderBy(ACTION_RANK, 'ASC')
      .getMany();
  }

  /** The programme's planned openings still to come. */
  pendingOpenings(manager: EntityManager, programmeId: string) {
    return manager.findBy(ScheduledTransitionEntity, {
      programmeId,
      action: 'editionOpen',
      status: 'pending',
    });
  }

  cycle(manager: EntityManager, programmeId: string): Promise<ProgrammeCycleEntity | null> {
    return manager.findOneBy(ProgrammeCycleEntity, { programmeId });
  }
}
