import { Injectable } from '@nestjs/common';
import type { NamedDay, YearSource } from '../domain/calendar-rules';
import { formatLocalDate, parseLocalDate } from '../domain/local-date';
import { PACKAGE_CALENDAR } from '../package-calendar';
import {
  CalendarRepository,
  DeclarationRow,
  OverrideRow,
} from '../persistence/calendar.repository';
import { WorkingCalendar } from '../working-calendar';

export interface CalendarYearView {
  year: number;
  /** Where the year's data comes from; null when it has none and arithmetic on it is refused. */
  source: YearSource | null;
  declaration: DeclarationRow | null;
  holidays: NamedDay[];
  makeUpWorkingDays: NamedDay[];
  overrides: OverrideRow[];
  /** Every working day of the year after overrides; null when the year's data is incomplete. */
  workingDays: string[] | null;
}

/** A year of the calendar as the secretariat checks it against the official notice. */
@Injectable()
export class DescribeCalendarYearUseCase {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly repository: CalendarRepository,
  ) {}

  async execute(year: number): Promise<CalendarYearView> {
    const snapshot = await this.calendar.snapshot();
    const [overrides, declarations] = await Promise.all([
      this.repository.overridesIn(year),
      this.repository.declarations(),
    ]);
    const source = snapshot.sourceOf(year) ?? null;
    const inYear = (d: NamedDay) => d.date.startsWith(`${year}-`);
    return {
      year,
      source,
      declaration: declarations.find((d) => d.year === year) ?? null,
      holidays: PACKAGE_CALENDAR.holidays.filter(inYear),
      makeUpWorkingDays: PACKAGE_CALENDAR.makeUpWorkingDays.filter(inYear),
      overrides,
      workingDays: source ? daysOf(year).filter((date) => snapshot.isWorkingDay(date)) : null,
    };
  }
}

function daysOf(year: number): string[] {
  const first = parseLocalDate(`${year}-01-01`)!;
  const last = parseLocalDate(`${year}-12-31`)!;
  return Array.from({ length: last - first + 1 }, (_, i) => formatLocalDate(first + i));
}
