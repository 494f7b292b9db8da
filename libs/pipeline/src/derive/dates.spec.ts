import * as fc from 'fast-check';
import { fullYearsBetween, parseIsoDate, withinYearsBefore, yearOf } from './dates';

describe('dates', () => {
  it('parses ISO dates and timestamps, rejecting anything else', () => {
    expect(parseIsoDate('2024-06-30')).toEqual({ year: 2024, monthDay: 630 });
    expect(parseIsoDate('2024-06-30T12:00:00Z')).toEqual({ year: 2024, monthDay: 630 });
    for (const bad of [
      '2024-6-30',
      '2024-13-01',
      '2024-06-00',
      'abcd-ef-gh',
      '2024-06-301',
      20240630,
      undefined,
    ]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('counts completed years, turning over on the anniversary', () => {
    const from = parseIsoDate('2014-07-01')!;
    expect(fullYearsBetween(from, parseIsoDate('2024-06-30')!)).toBe(9);
    expect(fullYearsBetween(from, parseIsoDate('2024-07-01')!)).toBe(10);
  });

  it('agrees with a Date-based computation for any pair of dates', () => {
    const day = fc
      .date({ min: new Date('1940-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [ya, ma, da] = a.split('-').map(Number);
        const [yb, mb, db] = b.split('-').map(Number);
        const expected = yb - ya - (mb < ma || (mb === ma && db < da) ? 1 : 0);
        expect(fullYearsBetween(parseIsoDate(a)!, parseIsoDate(b)!)).toBe(expected);
      }),
    );
  });

  it('reads a year only from a year number (dates count by date, not by year)', () => {
    expect(yearOf(2021)).toBe(2021);
    expect(yearOf('2021-03-04')).toBeUndefined();
    expect(yearOf('soon')).toBeUndefined();
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-02-29', '2025-04-31', '2026-13-01', '2026-00-10']) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, monthDay: 229 });
    expect(parseIsoDate('2000-02-29')).toBeDefined();
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
  });

  it('counts "within the last N years" back from the reference date, by date', () => {
    const ref = parseIsoDate('2026-06-01')!;
    expect(withinYearsBefore(parseIsoDate('2021-06-02')!, ref, 5)).toBe(true);
    expect(withinYearsBefore(parseIsoDate('2021-06-01')!, ref, 5)).toBe(false);
    expect(withinYearsBefore(parseIsoDate('2026-06-02')!, ref, 5)).toBe(false);
    expect(withinYearsBefore(parseIsoDate('2023-03-01')!, parseIsoDate('2024-02-29')!, 1)).toBe(
      true,
    );
  });
});
