import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError } from '@craftcert/platform';
import { CalendarRepository } from '../persistence/calendar.repository';

/** Removes a day's override, so the holiday package (or the weekday rule) decides it again. */
@Injectable()
export class RemoveCalendarOverrideUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(date: string, reason: string): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await this.repository.bumpRevision(tx);
      const removed = await this.repository.deleteOverride(tx, date);
      if (!removed) throw new NotFoundError(`An override for ${date}`);
      await this.audit.record(tx, {
        action: 'calendar.override-removed',
        subjectType: 'calendar-day',
        subjectId: date,
        before: { kind: removed.kind, reason: removed.reason },
        after: { reason },
      });
    });
  }
}
