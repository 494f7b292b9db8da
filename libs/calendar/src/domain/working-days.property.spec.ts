// Laws of the working-day arithmetic over random calendars (random days off on weekdays, random
// make-up working days on weekends), checked against a reference that lists the working days.
import * as fc from 'fast-check';
import { isWeekend } from './local-date';
import {
  addWorkingDays,
  periodEnd,
  periodStart,
  workingDaysBetween,
  WorkingDayTest,
} from './working-days';

// Days 19000–22000 (2022-01 to 2030-03) are known; anything else throws, like a missing year.
// Random days off and make-up days fall in 20000–21000, around the starts drawn from 20300–20700.
const LOW = 19_000;
const HIGH = 22_000;
const SPECIAL = { min: 20_000, max: 21_000 };
const MID = { min: 20_300, max: 20_700 };

class Unknown extends Error {}

interface World {
  isWorking: WorkingDayTest;
  /** Every working day in the known range, ascending. */
  workingDays: number[];
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    offDays: fc.uniqueArray(fc.integer(SPECIAL), { maxLength: 300 }),
    makeUpDays: fc.uniqueArray(fc.integer(SPECIAL), { maxLength: 60 }),
  })
  .map(({ offDays, makeUpDays }) => {
    const worked = new Map<number, boolean>();
    for (const d of offDays) worked.set(d, false);
    for (const d of makeUpDays) if (isWeekend(d)) worked.set(d, true);
    const isWorking = (day: number) => {
      if (day < LOW || day > HIGH) throw new Unknown(`day ${day}`);
      return worked.get(day) ?? !isWeekend(day);
    };
    const workingDays: number[] = [];
    for (let d = LOW; d <= HIGH; d++) if (isWorking(d)) workingDays.push(d);
    return { isWorking, workingDays };
  });

const dayArb = fc.integer(MID);
const stepsArb = fc.integer({ min: -150, max: 150 });

/** The reference: the n-th entry of the list of working days after (or before) `start`. */
function reference(world: World, start: number, n: number): number {
  if (n === 0) return start;
  if (n > 0) return world.workingDays.filter((d) => d > start)[n - 1];
  return world.workingDays.filter((d) => d < start).at(n)!;
}

describe('working-day arithmetic', () => {
  it('adds and subtracts working days as the list of working days says', () => {
    fc.assert(
      fc.property(worldArb, dayArb, stepsArb, (world, start, n) => {
        expect(addWorkingDays(world.isWorking, start, n)).toBe(reference(world, start, n));
      }),
    );
  });

  it('lands on a working day for any n other than 0, after start for n ≥ 1, before it for n ≤ −1', () => {
    fc.assert(
      fc.property(worldArb, dayArb, stepsArb, (world, start, n) => {
        fc.pre(n !== 0);
        const result = addWorkingDays(world.isWorking, start, n);
        expect(world.isWorking(result)).toBe(true);
        expect(Math.sign(result - start)).toBe(Math.sign(n));
      }),
    );
  });

  it('is strictly monotone in n and monotone in the start', () => {
    fc.assert(
      fc.property(worldArb, dayArb, dayArb, stepsArb, stepsArb, (world, a, b, n, m) => {
        fc.pre(n !== m);
        const [lowN, highN] = n < m ? [n, m] : [m, n];
        expect(addWorkingDays(world.isWorking, a, lowN)).toBeLessThan(
          addWorkingDays(world.isWorking, a, highN),
        );
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(world.isWorking, early, n)).toBeLessThanOrEqual(
          addWorkingDays(world.isWorking, late, n),
        );
      }),
    );
  });

  it('counts back what it added: between(d, add(d, n)) = n for n ≥ 0, and for any n from a working day', () => {
    fc.assert(
      fc.property(worldArb, dayArb, stepsArb, (world, start, n) => {
        fc.pre(n >= 0 || world.isWorking(start));
        const end = addWorkingDays(world.isWorking, start, n);
        expect(workingDaysBetween(world.isWorking, start, end)).toBe(n);
      }),
    );
  });

  it('composes from a working day: add(add(d, n), m) = add(d, n + m)', () => {
    fc.assert(
      fc.property(worldArb, dayArb, stepsArb, stepsArb, (world, start, n, m) => {
        fc.pre(world.isWorking(start));
        const { isWorking } = world;
        expect(addWorkingDays(isWorking, addWorkingDays(isWorking, start, n), m)).toBe(
          addWorkingDays(isWorking, start, n + m),
        );
      }),
    );
  });

  it('counts working days between as the days in (from, to], antisymmetric and additive', () => {
    fc.assert(
      fc.property(worldArb, dayArb, dayArb, dayArb, (world, a, b, c) => {
        const between = (x: number, y: number) => workingDaysBetween(world.isWorking, x, y);
        const inRange = world.workingDays.filter((d) => d > Math.min(a, b) && d <= Math.max(a, b));
        expect(Math.abs(between(a, b))).toBe(inRange.length);
        expect(between(a, b) + between(b, a)).toBe(0);
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
      }),
    );
  });

  it('ends a working-day period on its N-th working day counting from start, start included when worked', () => {
    fc.assert(
      fc.property(worldArb, dayArb, fc.integer({ min: 1, max: 150 }), (world, start, days) => {
        const period = { days, dayKind: 'working' as const };
        const first = periodStart(world.isWorking, start, period);
        const last = periodEnd(world.isWorking, start, period);
        expect(first).toBe(world.workingDays.find((d) => d >= start));
        expect(world.isWorking(last)).toBe(true);
        expect(world.workingDays.filter((d) => d >= start && d <= last)).toHaveLength(days);
      }),
    );
  });

  it('counts calendar-day periods without asking about any day', () => {
    const never: WorkingDayTest = () => {
      throw new Unknown('asked');
    };
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 5000 }), (start, days) => {
        expect(periodEnd(never, start, { days, dayKind: 'calendar' })).toBe(start + days - 1);
        expect(periodStart(never, start, { days, dayKind: 'calendar' })).toBe(start);
      }),
    );
  });

  it('stops at the first unknown day instead of guessing past it', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 2000 }), (world, n) => {
        const start = HIGH - 100;
        const known = world.workingDays.filter((d) => d > start).length;
        let outcome: string;
        try {
          outcome = addWorkingDays(world.isWorking, start, n) <= HIGH ? 'answered' : 'guessed';
        } catch (error) {
          outcome = error instanceof Unknown ? 'refused' : String(error);
        }
        expect(outcome).toBe(n <= known ? 'answered' : 'refused');
      }),
    );
  });

  it('refuses periods that are not a whole number of days, at least 1', () => {
    const isWorking: WorkingDayTest = (d) => !isWeekend(d);
    expect(() => periodEnd(isWorking, LOW, { days: 0, dayKind: 'working' })).toThrow(RangeError);
    expect(() => periodEnd(isWorking, LOW, { days: 2.5, dayKind: 'calendar' })).toThrow(RangeError);
    expect(() => addWorkingDays(isWorking, LOW, Number.NaN)).toThrow(RangeError);
  });
});
