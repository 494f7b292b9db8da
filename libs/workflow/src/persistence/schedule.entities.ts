import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Edition } from '@craftcert/programmes';
import {
  inList,
  SCHEDULED_ACTIONS,
  SCHEDULE_STATUSES,
  type ScheduledAction,
  type ScheduleStatus,
} from '../domain/schedule';

// Other contexts' tables are named, not imported (see nominations' entities).
const EDITION_ENTITY = 'EditionEntity';
const PROGRAMME_ENTITY = 'ProgrammeEntity';

/** When a programme's next editions open: a day of the year and the nomination window's length. */
@Entity({ name: 'programme_cycle' })
export class ProgrammeCycleEntity {
  @PrimaryColumn({
    name: 'programme_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_programme_cycle',
  })
  programmeId: string;

  @ManyToOne(PROGRAMME_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_programme_cycle_programme' })
  programme?: unknown;

  /** `MM-DD`, Asia/Shanghai. */
  @Column({ name: 'opens_on', type: 'varchar', length: 5 })
  opensOn: string;

  @Column({ name: 'nomination_days', type: 'integer' })
  nominationDays: number;

  /** The first cycle year; later ones follow the definition's cadence from it. */
  @Column({ name: 'first_year', type: 'integer' })
  firstYear: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One transition that falls due at an instant: a programme's next edition opening, or a stage of
 * an edition entered or closed. The key is deterministic, so planning twice plans once; a row
 * turns `done` only after its transition has happened.
 */
@Entity({ name: 'scheduled_transition' })
@Index('uq_scheduled_transition_key', ['key'], { unique: true })
@Index('ix_scheduled_transition_due', ['status', 'dueAt'])
@Check('ck_scheduled_transition_action', `action IN (${inList(SCHEDULED_ACTIONS)})`)
@Check('ck_scheduled_transition_status', `status IN (${inList(SCHEDULE_STATUSES)})`)
export class ScheduledTransitionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_scheduled_transition' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(PROGRAMME_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'fk_scheduled_transition_programme',
  })
  programme?: unknown;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId: string | null;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_scheduled_transition_edition' })
  edition?: Edition;

  @Column({ type: 'varchar', length: 16 })
  action: ScheduledAction;

  @Column({ name: 'stage_id', type: 'varchar', length: 64, nullable: true })
  stageId: string | null;

  /** For an edition opening: the cycle year it opens. */
  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ScheduleStatus;

  /** Runs that were refused (e.g. the previous stage still open); it is tried again. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  /** Why an administrator last moved it, when one did. */
  @Column({ name: 'shift_reason', type: 'varchar', length: 500, nullable: true })
  shiftReason: string | null;

  @Column({ name: 'ran_at', type: 'timestamptz', nullable: true })
  ranAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const SCHEDULE_ENTITIES = [ProgrammeCycleEntity, ScheduledTransitionEntity];
