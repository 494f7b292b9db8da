import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarSnapshot } from './calendar-snapshot';
import { CalendarDataMissingError } from './domain/calendar.errors';
import { CalendarRules } from './domain/calendar-rules';
import { PACKAGE_CALENDAR } from './package-calendar';
import { CalendarRepository } from './persistence/calendar.repository';

/**
 * The per-process cache of the calendar. Overrides change a few times a year, but a deadline
 * computed from a stale calendar is wrong for good, so every call reads the one-row revision
 * (an index lookup, well under a millisecond) and rebuilds only when it moved. A change committed
 * on any replica is therefore seen by the next call everywhere — no time window, no pub/sub.
 */
@Injectable()
export class CalendarSnapshots {
  private cached?: CalendarSnapshot;

  constructor(private readonly repository: CalendarRepository) {}

  /** Pass the transaction's manager when calling inside one, so no second connection is needed. */
  async current(manager?: EntityManager): Promise<CalendarSnapshot> {
    const revision = await this.repository.revision(manager);
    if (this.cached?.revision === revision) return this.cached;
    // Revision first, rows second: a change committed in between makes the rows newer than the
    // label, so the next call reloads; the reverse order could label old rows as new.
    const { overrides, declaredYears } = await this.repository.calendarRows(manager);
    const rules = new CalendarRules(
      PACKAGE_CALENDAR,
      overrides,
      declaredYears,
      (year) => new CalendarDataMissingError(year),
    );
    const snapshot = new CalendarSnapshot(rules, revision);
    // Keep the newest: a slow load of an older revision must not replace a newer one.
    if (!this.cached || BigInt(revision) > BigInt(this.cached.revision)) this.cached = snapshot;
    return snapshot;
  }
}
