import type { EntityManager } from 'typeorm';
import { type LocalDate, toLocalDate, WorkingCalendar } from '@craftcert/calendar';
import type { Stage } from '@craftcert/pipeline';

/** A unit's answer is due after the stage's `informationRequest` period (5 working days unless set). */
export async function informationDueOn(
  calendar: WorkingCalendar,
  tx: EntityManager,
  stage: Stage,
): Promise<LocalDate> {
  const period =
    stage.kind === 'departmentalReview' && stage.informationRequest
      ? stage.informationRequest.duration
      : { days: 5, dayKind: 'working' as const };
  const snapshot = await calendar.snapshot(tx);
  return snapshot.periodEnd(toLocalDate(new Date()), period);
}
