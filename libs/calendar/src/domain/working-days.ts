// Working-day arithmetic over any answer to "is this day worked?". Pure and day by day: periods
// are days to a few years long, and a plain walk is easy to trust. The test may throw (a year
// without calendar data), which stops the walk before it can guess.
import type { EpochDay } from './local-date';

export type WorkingDayTest = (day: EpochDay) => boolean;

export interface PeriodSpec {
  /** How many days the period lasts, at least 1. */
  days: number;
  dayKind: 'calendar' | 'working';
}

/**
 * n > 0: the n-th working day after `start`; n < 0: the |n|-th working day before it; 0: `start`
 * itself. `start` need not be worked: Saturday + 1 is the next Monday, Saturday − 1 the Friday.
 */
export function addWorkingDays(isWorking: WorkingDayTest, start: EpochDay, n: number): EpochDay {
  assertWholeNumber(n, 'n');
  const step = n < 0 ? -1 : 1;
  let day = start;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorking(day)) left--;
  }
  return day;
}

/**
 * The working days after `from` up to and including `to`: the n for which adding n working days
 * to `from` reaches `to` (when `to` is worked). Negative when `to` is earlier, so that
 * between(a, b) = −between(b, a) and between(a, b) + between(b, c) = between(a, c).
 */
export function workingDaysBetween(
  isWorking: WorkingDayTest,
  from: EpochDay,
  to: EpochDay,
): number {
  const [low, high] = from <= to ? [from, to] : [to, from];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (isWorking(day)) count++;
  return from <= to || count === 0 ? count : -count;
}

/**
 * The first day a period counts. A period in working days that starts on a day off begins on
 * the next working day, as a notice published on a Saturday runs from the Monday.
 */
export function periodStart(
  isWorking: WorkingDayTest,
  start: EpochDay,
  period: PeriodSpec,
): EpochDay {
  assertPeriod(period);
  return period.dayKind === 'calendar' ? start : addWorkingDays(isWorking, start - 1, 1);
}

/**
 * The last day of a period of `days` days that starts on `start`, which counts as day 1 when it
 * qualifies (always for calendar days; when it is worked for working days).
 */
export function periodEnd(
  isWorking: WorkingDayTest,
  start: EpochDay,
  period: PeriodSpec,
): EpochDay {
  assertPeriod(period);
  return period.dayKind === 'calendar'
    ? start + period.days - 1
    : addWorkingDays(isWorking, start - 1, period.days);
}

function assertPeriod(period: PeriodSpec): void {
  assertWholeNumber(period.days, 'period.days');
  if (period.days < 1) throw new RangeError('period.days must be at least 1');
  if (period.dayKind !== 'calendar' && period.dayKind !== 'working') {
    throw new RangeError("period.dayKind must be 'calendar' or 'working'");
  }
}

function assertWholeNumber(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a whole number`);
}
