// The official PRC holiday schedule, from the `chinese-days` package's data file rather than its
// functions: those answer "Monday to Friday" for a year they do not know, which is the guess this
// context exists to refuse.
import schedule from 'chinese-days/dist/chinese-days.json';
import manifest from 'chinese-days/package.json';
import type { HolidayName, HolidaySchedule, NamedDay } from './domain/calendar-rules';

/** Entries read "Spring Festival,春节,4": English name, Chinese name, holiday number. */
function named(entries: Record<string, string>): NamedDay[] {
  return Object.entries(entries)
    .map(([date, label]) => {
      const [en, zh] = label.split(',');
      const name: HolidayName = { zh: zh ?? en, en };
      return { date, name };
    })
    .toSorted((a, b) => a.date.localeCompare(b.date));
}

const holidays = named(schedule.holidays);

/**
 * A year counts as covered when its Spring Festival is listed: every annual State Council
 * schedule has one, and a stray cross-year entry (a 31 December make-up day announced with the
 * next year's schedule) cannot make a year look known.
 */
const years = new Set(
  holidays.filter((h) => h.name.zh === '春节').map((h) => Number(h.date.slice(0, 4))),
);

export const PACKAGE_CALENDAR: HolidaySchedule & { source: string } = {
  source: `chinese-days ${manifest.version}`,
  years,
  holidays,
  makeUpWorkingDays: named(schedule.workdays),
};
