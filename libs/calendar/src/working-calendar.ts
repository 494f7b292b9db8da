import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarSnapshot } from './calendar-snapshot';
import { CalendarSnapshots } from './calendar-snapshots';
import type { LocalDate } from './domain/local-date';
import type { PeriodSpec } from './domain/working-days';

/**
 * The one working-day calendar every context uses: PRC public holidays and make-up working days
 * from the `chinese-days` package, corrected by the secretariat's overrides. Dates are local dates
 * in Asia/Shanghai. Any answer that needs a year without data throws CalendarDataMissingError
 * (CALENDAR_DATA_MISSING, 422) naming the year.
 *
 * Counting rule: a period of N working days that starts on `start` counts `start` as day 1 when it
 * is a working day, and otherwise begins on the next working day (a notice published on a
 * Saturday runs from the Monday). Calendar-day periods count `start` as day 1 and need no data.
 *
 * Each method checks the calendar's revision (one small query). To compute many dates, or inside a
 * transaction, take a `snapshot(manager)` and use its synchronous methods.
 */
@Injectable()
export class WorkingCalendar {
  constructor(private readonly snapshots: CalendarSnapshots) {}

  /** The current calendar; pass the transaction's manager when inside one. */
  snapshot(manager?: EntityManager): Promise<CalendarSnapshot> {
    return this.snapshots.current(manager);
  }

  async isWorkingDay(date: LocalDate): Promise<boolean> {
    return (await this.snapshot()).isWorkingDay(date);
  }

  /** `days` may be 0 (`start` itself) or negative (working days before `start`). */
  async addWorkingDays(start: LocalDate, days: number): Promise<LocalDate> {
    return (await this.snapshot()).addWorkingDays(start, days);
  }

  /** The first day a period counts: `start`, or for working days the first working day from it. */
  async periodStart(start: LocalDate, period: PeriodSpec): Promise<LocalDate> {
    return (await this.snapshot()).periodStart(start, period);
  }

  /** The last day of a period of `days` days that starts on `start` (start counts as day 1 when it qualifies). */
  async periodEnd(start: LocalDate, period: PeriodSpec): Promise<LocalDate> {
    return (await this.snapshot()).periodEnd(start, period);
  }

  /** The instant a period ends: the end of its last day in Asia/Shanghai (next day 00:00 +08:00). */
  async periodEndsAt(start: LocalDate, period: PeriodSpec): Promise<Date> {
    return (await this.snapshot()).periodEndsAt(start, period);
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  async workingDaysBetween(from: LocalDate, to: LocalDate): Promise<number> {
    return (await this.snapshot()).workingDaysBetween(from, to);
  }
}
