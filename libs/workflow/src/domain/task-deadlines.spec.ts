import { planDeadlineNotices } from './task-deadlines';

/** Weekdays are worked, except the listed holidays; the listed Saturdays are make-up working days. */
function calendar(holidays: string[] = [], workedSaturdays: string[] = []) {
  const isWorking = (date: string) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (holidays.includes(date)) return false;
    if (workedSaturdays.includes(date)) return true;
    return weekday !== 0 && weekday !== 6;
  };
  return {
    addWorkingDays(start: string, days: number) {
      const d = new Date(`${start}T00:00:00Z`);
      for (let left = Math.abs(days); left > 0;) {
        d.setUTCDate(d.getUTCDate() + Math.sign(days));
        if (isWorking(d.toISOString().slice(0, 10))) left--;
      }
      return d.toISOString().slice(0, 10);
    },
  };
}

describe('when a task’s deadline notices go out', () => {
  it('reminds 3 and 1 working days before the due date and escalates the day after it', () => {
    // Due Friday 2026-03-13: reminders on Tuesday and Thursday, escalation on Saturday.
    expect(planDeadlineNotices('2026-03-13', '2026-03-01', calendar())).toEqual([
      { notice: 'reminder-3', firesOn: '2026-03-10' },
      { notice: 'reminder-1', firesOn: '2026-03-12' },
      { notice: 'overdue', firesOn: '2026-03-14' },
    ]);
  });

  it('skips holidays and counts make-up working days', () => {
    // Due Tuesday 2026-10-13 after a week off with Saturday 10-10 worked: 10-10 is 1 before, 09-30 is 3 before.
    const holidays = [
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-08',
    ];
    expect(
      planDeadlineNotices('2026-10-13', '2026-09-01', calendar(holidays, ['2026-10-10'])),
    ).toEqual([
      { notice: 'reminder-3', firesOn: '2026-10-09' },
      { notice: 'reminder-1', firesOn: '2026-10-12' },
      { notice: 'overdue', firesOn: '2026-10-14' },
    ]);
    expect(
      planDeadlineNotices('2026-10-12', '2026-09-01', calendar(holidays, ['2026-10-10'])),
    ).toEqual([
      { notice: 'reminder-3', firesOn: '2026-09-30' },
      { notice: 'reminder-1', firesOn: '2026-10-10' },
      { notice: 'overdue', firesOn: '2026-10-13' },
    ]);
  });

  it('leaves out reminders whose day has passed, never the escalation', () => {
    expect(planDeadlineNotices('2026-03-13', '2026-03-11', calendar())).toEqual([
      { notice: 'reminder-1', firesOn: '2026-03-12' },
      { notice: 'overdue', firesOn: '2026-03-14' },
    ]);
    expect(planDeadlineNotices('2025-01-06', '2026-03-11', calendar())).toEqual([
      { notice: 'overdue', firesOn: '2025-01-07' },
    ]);
  });
});
