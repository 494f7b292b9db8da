import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError } from '@craftcert/platform';
import { CalendarRepository } from '../persistence/calendar.repository';

/** Withdraws a year's declaration: arithmetic touching the year is refused again. */
@Injectable()
export class WithdrawCalendarYearUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(year: number, reason: string): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await this.repository.bumpRevision(tx);
      const removed = await this.repository.deleteDeclaration(tx, year);
      if (!removed) throw new NotFoundError(`A declaration for ${year}`);
      await this.audit.record(tx, {
        action: 'calendar.year-withdrawn',
        subjectType: 'calendar-year',
        subjectId: String(year),
        before: { reason: removed.reason },
        after: { reason },
      });
    });
  }
}
