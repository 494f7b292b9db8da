/** The notices a task's due date sets off: two reminders before it, one escalation after it. */
export const DEADLINE_NOTICES = ['reminder-3', 'reminder-1', 'overdue'] as const;
export type DeadlineNotice = (typeof DEADLINE_NOTICES)[number];

/** Reminders go out this many working days before the due date. */
const REMINDERS: readonly [DeadlineNotice, number][] = [
  ['reminder-3', 3],
  ['reminder-1', 1],
];

export interface PlannedNotice {
  notice: DeadlineNotice;
  /** The local day (Asia/Shanghai) at whose start the notice goes out. */
  firesOn: string;
}

/**
 * When each notice of a due date goes out: a reminder at the start of the working day 3 and 1
 * working days before it (holidays and make-up working days counted by the calendar), the
 * escalation at the start of the day after it. A reminder whose day has already passed is left
 * out (a task given 2 days gets only the 1-day reminder); the escalation is always planned.
 */
export function planDeadlineNotices(
  dueOn: string,
  today: string,
  calendar: { addWorkingDays(start: string, days: number): string },
): PlannedNotice[] {
  const reminders = REMINDERS.map(([notice, days]) => ({
    notice,
    firesOn: calendar.addWorkingDays(dueOn, -days),
  })).filter((r) => r.firesOn >= today);
  return [...reminders, overdueNotice(dueOn)];
}

/** The escalation alone: it needs no working-day arithmetic (a year without calendar data). */
export function overdueNotice(dueOn: string): PlannedNotice {
  return { notice: 'overdue', firesOn: nextDay(dueOn) };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
