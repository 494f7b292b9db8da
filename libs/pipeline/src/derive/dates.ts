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
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31) || Number.isNaN(year)) return undefined;
  return { year, monthDay: month * 100 + day };
}

/** Completed years from `from` to `to` (an age, or years in a skill); negative if `to` is earlier. */
export function fullYearsBetween(from: DayStamp, to: DayStamp): number {
  const years = to.year - from.year;
  return to.monthDay < from.monthDay ? years - 1 : years;
}

/** Calendar year of a list item's year field, which may hold a year number or a date. */
export function yearOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return parseIsoDate(value)?.year;
}
