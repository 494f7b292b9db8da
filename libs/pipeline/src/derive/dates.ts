// Dates are ISO `YYYY-MM-DD` strings throughout; derived values compare the parts arithmetically
// instead of building Date objects, which keeps evaluation fast and free of time-zone effects.

export interface DayStamp {
  year: number;
  /** month * 100 + day, so that month/day order compares as one number. */
  monthDay: number;
}

const ZERO = 48;

/** Digits at [from, to) as a number, or NaN; hand-rolled because it runs per rule per dossier. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date); undefined when not a date. */
export function parseIsoDate(value: unknown): DayStamp | undefined {
  if (typeof value !== 'string' || value.length < 10 || value[4] !== '-' || value[7] !== '-')
    return undefined;
  if (value.length > 10 && value[10] !== 'T' && value[10] !== ' ') return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (Number.isNaN(year) || !(month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, monthDay: month * 100 + day };
}

/** Days in a month of the proleptic Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Orders two day stamps: negative when `a` is earlier, 0 on the same day. */
export function compareDays(a: DayStamp, b: DayStamp): number {
  return a.year !== b.year ? a.year - b.year : a.monthDay - b.monthDay;
}

/**
 * Whether `date` lies within the `years` years up to `ref`: after the same day `years` years
 * earlier (29 February falling back to 28 February in a common year) and not after `ref`.
 */
export function withinYearsBefore(date: DayStamp, ref: DayStamp, years: number): boolean {
  if (compareDays(date, ref) > 0) return false;
  const year = ref.year - years;
  let monthDay = ref.monthDay;
  if (monthDay === 229 && daysInMonth(year, 2) === 28) monthDay = 228;
  return compareDays(date, { year, monthDay }) > 0;
}

/** Completed years from `from` to `to` (an age, or years in a skill); negative if `to` is earlier. */
export function fullYearsBetween(from: DayStamp, to: DayStamp): number {
  const years = to.year - from.year;
  return to.monthDay < from.monthDay ? years - 1 : years;
}

/** Calendar year of a list item's year field, which holds a year number. */
export function yearOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD (the zone people see dates in). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
