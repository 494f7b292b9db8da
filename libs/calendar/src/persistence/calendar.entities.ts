import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { OverrideKind } from '../domain/calendar-rules';

/** The secretariat's correction of one day: worked or off, whatever the package says. */
@Entity({ name: 'calendar_override' })
@Check('ck_calendar_override_kind', `kind IN ('workingDay', 'dayOff')`)
export class CalendarOverrideEntity {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_calendar_override' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OverrideKind;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}

/**
 * A year the package does not cover, declared complete by the secretariat: its overrides list
 * every holiday and make-up working day, and every other day follows the weekday rule.
 */
@Entity({ name: 'calendar_year_declaration' })
@Check('ck_calendar_year_declaration_year', 'year BETWEEN 1000 AND 9999')
export class CalendarYearDeclarationEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_calendar_year_declaration' })
  year: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'declared_by', type: 'uuid', nullable: true })
  declaredBy: string | null;

  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' })
  declaredAt: Date;
}

/**
 * One row whose counter every calendar change bumps in its transaction: processes compare it
 * with the revision they cached, and the row lock serialises calendar changes.
 */
@Entity({ name: 'calendar_revision' })
@Check('ck_calendar_revision_single_row', 'id = 1')
export class CalendarRevisionEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_calendar_revision' })
  id: number;

  @Column({ type: 'bigint' })
  revision: string;
}

export const CALENDAR_ENTITIES = [
  CalendarOverrideEntity,
  CalendarYearDeclarationEntity,
  CalendarRevisionEntity,
];
