// Dates people deal in (deadlines, notice periods, holidays) are local dates in Asia/Shanghai,
// written `YYYY-MM-DD`. Arithmetic runs on whole days counted from 1970-01-01 (epoch days), so
// no time zone or daylight-saving rule can shift a date by accident.

/** A local date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Days since 1970-01-01: the integer form the arithmetic works on. */
export type EpochDay = number;

const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so the offset is a constant. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Four-digit years only: `Date.UTC` reads years 0–99 as 1900–1999, and the format has four digits. */
export const FIRST_EPOCH_DAY: EpochDay = Date.UTC(1000, 0, 1) / DAY_MS;
export const LAST_EPOCH_DAY: EpochDay = Date.UTC(9999, 11, 31) / DAY_MS;

/** The epoch day of a real date written `YYYY-MM-DD`; undefined for anything else (2026-02-30 too). */
export function parseLocalDate(value: unknown): EpochDay | undefined {
  if (typeof value !== 'string') return undefined;
  const match = SHAPE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const epochDay = Date.UTC(year, month - 1, day) / DAY_MS;
  // Date.UTC rolls 02-30 over to 03-02; a real date survives the round trip unchanged.
  return formatLocalDate(epochDay) === value ? epochDay : undefined;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return parseLocalDate(value) !== undefined;
}

export function formatLocalDate(day: EpochDay): LocalDate {
  if (!Number.isInteger(day) || day < FIRST_EPOCH_DAY || day > LAST_EPOCH_DAY) {
    throw new RangeError(`day ${day} is outside the years 1000–9999`);
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: EpochDay): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: EpochDay): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The local date in Asia/Shanghai at an instant. */
export function toLocalDate(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('toLocalDate needs a valid Date');
  return formatLocalDate(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant a local day begins: 00:00 in Asia/Shanghai. */
export function startOfLocalDay(day: EpochDay): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);
}
