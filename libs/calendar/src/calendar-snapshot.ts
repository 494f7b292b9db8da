import { FieldError, RequestValidationError } from '@craftcert/platform';
import { CalendarRules, YearSource } from './domain/calendar-rules';
import {
  EpochDay,
  FIRST_EPOCH_DAY,
  formatLocalDate,
  LAST_EPOCH_DAY,
  LocalDate,
  parseLocalDate,
  startOfLocalDay,
} from './domain/local-date';
import * as arithmetic from './domain/working-days';
import type { PeriodSpec } from './domain/working-days';

/** A century: beyond any real period, and small enough that no answer leaves the years 1000–9999. */
export const MAX_PERIOD_DAYS = 36_600;

/**
 * The calendar as it stood at one revision, answering synchronously: take one to compute many
 * dates at once (a stage's deadlines for every candidate) with a single database round trip.
 * Arguments are checked like request fields, so a bad one is a 400 naming it, never a 500.
 */
export class CalendarSnapshot {
  constructor(
    private readonly rules: CalendarRules,
    /** The calendar revision this snapshot reflects. */
    readonly revision: string,
  ) {}

  /** `package` or `declaration` when the year's data is complete; undefined when it is missing. */
  sourceOf(year: number): YearSource | undefined {
    return this.rules.sourceOf(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.rules.isWorkingDay(day(date, 'date'));
  }

  addWorkingDays(start: LocalDate, days: number): LocalDate {
    const n = count(days, 'days', -MAX_PERIOD_DAYS);
    return local(arithmetic.addWorkingDays(this.rules.isWorkingDay, day(start, 'start'), n));
  }

  /** The first day a period counts: `start`, or for working days the first working day from it. */
  periodStart(start: LocalDate, period: PeriodSpec): LocalDate {
    return local(
      arithmetic.periodStart(this.rules.isWorkingDay, day(start, 'start'), spec(period)),
    );
  }

  periodEnd(start: LocalDate, period: PeriodSpec): LocalDate {
    return local(this.periodEndDay(start, period));
  }

  /** The end of the period's last day in Asia/Shanghai: the next day at 00:00 +08:00. */
  periodEndsAt(start: LocalDate, period: PeriodSpec): Date {
    return startOfLocalDay(this.periodEndDay(start, period) + 1);
  }

  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    return arithmetic.workingDaysBetween(this.rules.isWorkingDay, day(from, 'from'), day(to, 'to'));
  }

  private periodEndDay(start: LocalDate, period: PeriodSpec): EpochDay {
    return inRange(
      arithmetic.periodEnd(this.rules.isWorkingDay, day(start, 'start'), spec(period)),
    );
  }
}

function invalid(path: string, message: string): never {
  const error: FieldError = { path, message };
  throw new RequestValidationError([error]);
}

function day(value: LocalDate, path: string): EpochDay {
  return parseLocalDate(value) ?? invalid(path, `${path} must be a real date as YYYY-MM-DD`);
}

function count(value: number, path: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_PERIOD_DAYS) {
    invalid(path, `${path} must be a whole number from ${min} to ${MAX_PERIOD_DAYS}`);
  }
  return value;
}

function spec(period: PeriodSpec): PeriodSpec {
  if (period?.dayKind !== 'calendar' && period?.dayKind !== 'working') {
    invalid('period.dayKind', "period.dayKind must be 'calendar' or 'working'");
  }
  return { days: count(period.days, 'period.days', 1), dayKind: period.dayKind };
}

function inRange(epochDay: EpochDay): EpochDay {
  if (epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
    invalid('start', 'the result would fall outside the years 1000–9999');
  }
  return epochDay;
}

function local(epochDay: EpochDay): LocalDate {
  return formatLocalDate(inRange(epochDay));
}
