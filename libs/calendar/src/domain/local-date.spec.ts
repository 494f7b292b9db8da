import * as fc from 'fast-check';
import {
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
  startOfLocalDay,
  toLocalDate,
  weekdayOf,
} from './local-date';

describe('local dates', () => {
  it('refuses dates that do not exist and anything not written YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31']) {
      expect(isLocalDate(bad)).toBe(false);
    }
    for (const bad of ['2026-2-3', '2026-02-03T00:00:00Z', ' 2026-02-03', '0999-12-31', 20260203]) {
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(isLocalDate('2024-02-29')).toBe(true);
  });

  it('round-trips every day of the years 1000–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: parseLocalDate('1000-01-01')!, max: parseLocalDate('9999-12-31')! }),
        (day) => {
          expect(parseLocalDate(formatLocalDate(day))).toBe(day);
        },
      ),
    );
  });

  it('knows the weekday', () => {
    expect(weekdayOf(parseLocalDate('2025-10-01')!)).toBe(3); // a Wednesday
    expect(weekdayOf(parseLocalDate('2026-02-14')!)).toBe(6); // a Saturday
    expect(weekdayOf(parseLocalDate('1969-12-28')!)).toBe(0); // a Sunday, before the epoch
  });

  it('reads instants in Asia/Shanghai, where the day starts at 16:00 UTC the day before', () => {
    expect(toLocalDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(toLocalDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(startOfLocalDay(parseLocalDate('2026-10-01')!).toISOString()).toBe(
      '2026-09-30T16:00:00.000Z',
    );
    expect(() => toLocalDate(new Date('not a date'))).toThrow(RangeError);
  });
});
