// The calendar on real PRC schedules from the holiday package, hand-checked against the State
// Council notices: 2025 National Day (1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked) and 2026
// Spring Festival (15–23 Feb off, Sat 14 Feb and Sat 28 Feb worked).
import { RequestValidationError } from '@craftcert/platform';
import { CalendarSnapshot } from './calendar-snapshot';
import { CalendarDataMissingError } from './domain/calendar.errors';
import { CalendarRules, DayOverride } from './domain/calendar-rules';
import { PACKAGE_CALENDAR } from './package-calendar';

function calendar(overrides: DayOverride[] = [], declaredYears: number[] = []) {
  const rules = new CalendarRules(
    PACKAGE_CALENDAR,
    overrides,
    declaredYears,
    (year) => new CalendarDataMissingError(year),
  );
  return new CalendarSnapshot(rules, '1');
}

const FIVE_WORKING = { days: 5, dayKind: 'working' } as const;

function missingYearOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarDataMissingError) return error.year;
    throw error;
  }
  return undefined;
}

describe('the working-day calendar on the PRC schedule', () => {
  it('covers 2004–2026 from the package and not 2027', () => {
    const years = [...PACKAGE_CALENDAR.years].toSorted((a, b) => a - b);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(2026 - 2004 + 1);
  });

  it('ends a 5-working-day notice from Fri 26 Sep 2025 on Thu 9 Oct, across National Day and a make-up Sunday', () => {
    // Fri 26 Sep (1), Sun 28 Sep worked (2), Mon 29 (3), Tue 30 (4), 1–8 Oct off, Thu 9 Oct (5).
    const c = calendar();
    expect(c.periodEnd('2025-09-26', FIVE_WORKING)).toBe('2025-10-09');
    expect(c.periodEndsAt('2025-09-26', FIVE_WORKING).toISOString()).toBe(
      '2025-10-09T16:00:00.000Z',
    );
    expect(c.isWorkingDay('2025-09-28')).toBe(true);
    expect(c.isWorkingDay('2025-10-08')).toBe(false);
    expect(c.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('ends a 5-working-day period from Thu 12 Feb 2026 on Wed 25 Feb, across the Spring Festival', () => {
    // Thu 12 (1), Fri 13 (2), Sat 14 worked (3), 15–23 Feb off, Tue 24 (4), Wed 25 (5).
    expect(calendar().periodEnd('2026-02-12', FIVE_WORKING)).toBe('2026-02-25');
  });

  it('starts a working-day period published on a day off on the next working day', () => {
    // Published on the first day of National Day 2026 (1–7 Oct off): Thu 8 Oct (1), Fri 9 (2),
    // Sat 10 worked (3), Mon 12 (4), Tue 13 (5).
    const c = calendar();
    expect(c.periodStart('2026-10-01', FIVE_WORKING)).toBe('2026-10-08');
    expect(c.periodEnd('2026-10-01', FIVE_WORKING)).toBe('2026-10-13');
    expect(c.periodEnd('2026-10-01', { days: 5, dayKind: 'calendar' })).toBe('2026-10-05');
  });

  it('adds, subtracts and counts working days across a holiday', () => {
    const c = calendar();
    expect(c.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(c.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(c.addWorkingDays('2025-10-04', 0)).toBe('2025-10-04');
    expect(c.workingDaysBetween('2025-09-26', '2025-10-11')).toBe(6);
    expect(c.workingDaysBetween('2025-10-11', '2025-09-26')).toBe(-6);
  });

  it('refuses arithmetic that reaches 2027, naming the year, and never for calendar days', () => {
    const c = calendar();
    // Mon 28 Dec 2026 (1) … Thu 31 Dec (4): the fifth day would be in 2027.
    expect(missingYearOf(() => c.periodEnd('2026-12-28', FIVE_WORKING))).toBe(2027);
    expect(missingYearOf(() => c.isWorkingDay('2027-03-01'))).toBe(2027);
    expect(missingYearOf(() => c.workingDaysBetween('2003-12-30', '2004-01-05'))).toBe(2003);
    expect(c.periodEnd('2026-12-28', { days: 5, dayKind: 'calendar' })).toBe('2027-01-01');
    const error = new CalendarDataMissingError(2027);
    expect(error.code).toBe('CALENDAR_DATA_MISSING');
    expect(error.message).toContain('2027');
  });

  it('lets an override win over the package and the weekday rule', () => {
    const c = calendar([
      { date: '2025-10-08', kind: 'workingDay' },
      { date: '2025-09-29', kind: 'dayOff' },
    ]);
    // Fri 26 (1), Sun 28 (2), Tue 30 (3), Wed 8 Oct now worked (4), Thu 9 (5).
    expect(c.periodEnd('2025-09-26', FIVE_WORKING)).toBe('2025-10-09');
    expect(c.isWorkingDay('2025-10-08')).toBe(true);
    expect(c.isWorkingDay('2025-09-29')).toBe(false);
    // From Mon 29 Sep, now off: Tue 30 (1), Wed 8 Oct (2), Thu 9 (3), Fri 10 (4), Sat 11 worked (5).
    expect(c.periodEnd('2025-09-29', FIVE_WORKING)).toBe('2025-10-11');
  });

  it('knows a year the package lacks only once it is declared complete', () => {
    const overrides: DayOverride[] = [{ date: '2027-01-01', kind: 'dayOff' }];
    expect(missingYearOf(() => calendar(overrides).isWorkingDay('2027-01-01'))).toBe(2027);
    const declared = calendar(overrides, [2027]);
    expect(declared.sourceOf(2027)).toBe('declaration');
    // Mon 28 … Thu 31 Dec (1–4), Fri 1 Jan off, Mon 4 Jan 2027 (5).
    expect(declared.periodEnd('2026-12-28', FIVE_WORKING)).toBe('2027-01-04');
  });

  it('names the argument that is not a real date or a usable count', () => {
    const c = calendar();
    const pathsOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        if (error instanceof RequestValidationError) return error.errors?.map((e) => e.path);
        throw error;
      }
      return undefined;
    };
    expect(pathsOf(() => c.isWorkingDay('2026-02-30'))).toEqual(['date']);
    expect(pathsOf(() => c.periodEnd('2026-02-30', FIVE_WORKING))).toEqual(['start']);
    expect(pathsOf(() => c.periodEnd('2026-02-03', { days: 0, dayKind: 'working' }))).toEqual([
      'period.days',
    ]);
    expect(pathsOf(() => c.addWorkingDays('2026-02-03', 1.5))).toEqual(['days']);
    expect(pathsOf(() => c.workingDaysBetween('2026-02-03', '2026-2-4'))).toEqual(['to']);
    expect(pathsOf(() => c.periodEnd('9999-12-30', { days: 5, dayKind: 'calendar' }))).toEqual([
      'start',
    ]);
  });
});
