import type { Stage } from '@craftcert/pipeline';
import {
  endOfDay,
  isDayOfYear,
  nextCycleYear,
  openingOf,
  planStageTransitions,
  shiftYears,
} from './schedule';

const stage = (id: string, calendar: Stage['calendar']) =>
  ({
    id,
    kind: 'qualificationCheck',
    label: { zh: id, en: id },
    owner: 'secretariat',
    calendar,
  }) as Stage;

describe('edition schedule', () => {
  it('moves dates by whole years, 29 February to the 28th in a common year', () => {
    expect(shiftYears('2026-05-06', 1)).toBe('2027-05-06');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('plans entering on each start and closing when each due day is over, in Beijing time', () => {
    const planned = planStageTransitions(
      'e1',
      [
        stage('check', { start: '2025-04-01', due: '2025-04-10' }),
        stage('review', { start: '2025-04-11' }),
        stage('notice', { duration: { days: 5, dayKind: 'working' } }),
      ],
      2025,
    );
    expect(planned.map((p) => [p.action, p.stageId, p.dueAt.toISOString()])).toEqual([
      ['stageEnter', 'check', '2025-03-31T16:00:00.000Z'],
      ['stageClose', 'check', '2025-04-10T16:00:00.000Z'],
      ['stageEnter', 'review', '2025-04-10T16:00:00.000Z'],
    ]);
    expect(new Set(planned.map((p) => p.key)).size).toBe(3);
  });

  it('takes a definition written for an earlier cycle to the edition year', () => {
    const [enter] = planStageTransitions('e2', [stage('check', { start: '2024-04-01' })], 2026);
    expect(enter.dueAt).toEqual(new Date('2026-04-01T00:00:00+08:00'));
  });

  it('ends a day at the next midnight in Beijing', () => {
    expect(endOfDay('2026-01-31').toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('finds the next opening on the cadence, never one already past', () => {
    const cycle = { opensOn: '03-01', firstYear: 2024 };
    expect(openingOf(cycle, 2026).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(nextCycleYear(cycle, 1, new Date('2026-02-28T15:59:59Z'))).toBe(2026);
    expect(nextCycleYear(cycle, 1, new Date('2026-03-02T00:00:00Z'))).toBe(2027);
    expect(nextCycleYear(cycle, 3, new Date('2026-03-02T00:00:00Z'))).toBe(2027);
    expect(nextCycleYear(cycle, 3, new Date('2027-03-02T00:00:00Z'))).toBe(2030);
  });

  it('knows which days a year has', () => {
    expect(['01-31', '02-29', '12-31'].every(isDayOfYear)).toBe(true);
    expect(['02-30', '04-31', '13-01', '00-10', '3-1'].some(isDayOfYear)).toBe(false);
  });
});
