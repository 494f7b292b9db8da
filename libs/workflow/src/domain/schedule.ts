import type { Stage } from '@craftcert/pipeline';

export { inList } from './task-status';

/** In this order when due at the same instant: a stage ends before the next one begins. */
export const SCHEDULED_ACTIONS = ['editionOpen', 'stageClose', 'stageEnter'] as const;
export type ScheduledAction = (typeof SCHEDULED_ACTIONS)[number];

export const SCHEDULE_STATUSES = ['pending', 'done'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

const DAY_MS = 86_400_000;
const SHANGHAI = '+08:00';

/** The instant a local day (`YYYY-MM-DD`, Asia/Shanghai) begins. */
export function startOfDay(localDate: string): Date {
  return new Date(`${localDate}T00:00:00${SHANGHAI}`);
}

/** The instant a local day is over: a deadline on that day runs to its end. */
export function endOfDay(localDate: string): Date {
  return new Date(startOfDay(localDate).getTime() + DAY_MS);
}

/** The same month and day `years` later; 29 February becomes the 28th in a common year. */
export function shiftYears(localDate: string, years: number): string {
  const [year, month, day] = localDate.split('-').map(Number);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface PlannedTransition {
  key: string;
  action: ScheduledAction;
  stageId: string;
  dueAt: Date;
}

/**
 * The stage transitions a definition's calendars fix for an edition: entering on each dated
 * start, closing when each dated due day is over. A definition's dates are those of the cycle it
 * was written for (the year of its earliest date); an edition of a later cycle takes them the
 * same number of years later. Stages timed by a duration close through their own end job.
 */
export function planStageTransitions(
  editionId: string,
  stages: readonly Stage[],
  editionYear: number,
): PlannedTransition[] {
  const dates = stages.flatMap((s) => [s.calendar?.start, s.calendar?.due]).filter(isDate);
  if (dates.length === 0) return [];
  const shift = editionYear - Math.min(...dates.map((d) => Number(d.slice(0, 4))));
  return stages.flatMap((stage) => {
    const planned: PlannedTransition[] = [];
    const { start, due } = stage.calendar ?? {};
    if (start) {
      planned.push({
        key: `stageEnter:${editionId}:${stage.id}`,
        action: 'stageEnter',
        stageId: stage.id,
        dueAt: startOfDay(shiftYears(start, shift)),
      });
    }
    if (due) {
      planned.push({
        key: `stageClose:${editionId}:${stage.id}`,
        action: 'stageClose',
        stageId: stage.id,
        dueAt: endOfDay(shiftYears(due, shift)),
      });
    }
    return planned;
  });
}

const isDate = (d: string | undefined): d is string => typeof d === 'string';

/** `MM-DD` naming a day some year has (29 February included: it opens on the 28th in common years). */
export function isDayOfYear(monthDay: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate()
  );
}

export interface Cycle {
  opensOn: string;
  firstYear: number;
}

/** The instant a cycle year's edition opens. */
export function openingOf(cycle: Cycle, year: number): Date {
  return startOfDay(shiftYears(`${cycle.firstYear}-${cycle.opensOn}`, year - cycle.firstYear));
}

/** The first cycle year, on the cadence from the first year, whose opening is not before `now`. */
export function nextCycleYear(cycle: Cycle, everyYears: number, now: Date): number {
  let year = cycle.firstYear;
  while (openingOf(cycle, year) < now) year += everyYears;
  return year;
}
