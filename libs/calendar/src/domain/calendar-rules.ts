// Which days are worked: the weekday rule, corrected by the official holiday schedule, corrected
// in turn by the secretariat's overrides. A year is known only as a whole — from the package, or
// from an explicit declaration that the overrides list all of it — and asking about any other
// year throws, never guessing "Monday to Friday".
import { EpochDay, isWeekend, LocalDate, parseLocalDate, yearOf } from './local-date';

export type OverrideKind = 'workingDay' | 'dayOff';

export interface HolidayName {
  zh: string;
  en: string;
}

export interface NamedDay {
  date: LocalDate;
  name: HolidayName;
}

/** An official schedule as the holiday package publishes it. */
export interface HolidaySchedule {
  /** Years whose schedule (State Council notice) the package carries in full. */
  years: ReadonlySet<number>;
  /** Days off, including the weekend days inside a holiday. */
  holidays: readonly NamedDay[];
  /** Weekend days worked in exchange for a holiday (调休上班). */
  makeUpWorkingDays: readonly NamedDay[];
}

export interface DayOverride {
  date: LocalDate;
  kind: OverrideKind;
}

/** Where a year's data comes from: the package, or the secretariat's declaration. */
export type YearSource = 'package' | 'declaration';

export class CalendarRules {
  private readonly worked = new Map<EpochDay, boolean>();
  private readonly sources = new Map<number, YearSource>();

  constructor(
    schedule: HolidaySchedule,
    overrides: readonly DayOverride[],
    declaredYears: Iterable<number>,
    private readonly missingYear: (year: number) => Error,
  ) {
    for (const year of declaredYears) this.sources.set(year, 'declaration');
    for (const year of schedule.years) this.sources.set(year, 'package');
    for (const { date } of schedule.holidays) this.worked.set(dayOf(date), false);
    for (const { date } of schedule.makeUpWorkingDays) this.worked.set(dayOf(date), true);
    // Last, so an override wins over the package.
    for (const { date, kind } of overrides) this.worked.set(dayOf(date), kind === 'workingDay');
  }

  sourceOf(year: number): YearSource | undefined {
    return this.sources.get(year);
  }

  /** Whether a day is worked; throws the missing-year error for a year without data. */
  readonly isWorkingDay = (day: EpochDay): boolean => {
    const year = yearOf(day);
    if (!this.sources.has(year)) throw this.missingYear(year);
    return this.worked.get(day) ?? !isWeekend(day);
  };
}

function dayOf(date: LocalDate): EpochDay {
  const day = parseLocalDate(date);
  if (day === undefined) throw new RangeError(`calendar data holds an invalid date ${date}`);
  return day;
}
