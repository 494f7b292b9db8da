import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DomainError } from '@craftcert/platform';
import { PACKAGE_CALENDAR } from '../package-calendar';
import { CalendarRepository, DeclarationRow } from '../persistence/calendar.repository';

/**
 * Declares a year the holiday package lacks complete: its overrides list every holiday and
 * make-up working day (typically entered from the State Council notice), and every other day
 * follows the weekday rule. Until then the year is refused as a whole, never half-known.
 */
@Injectable()
export class DeclareCalendarYearUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(year: number, reason: string, actorId: string): Promise<DeclarationRow> {
    return this.dataSource.transaction(async (tx) => {
      if (PACKAGE_CALENDAR.years.has(year)) {
        throw new DomainError(
          'CONFLICT',
          `${year} is covered by the holiday package (${PACKAGE_CALENDAR.source}); ` +
            'correct single days with overrides instead',
        );
      }
      await this.repository.bumpRevision(tx);
      if ((await this.repository.countOverridesIn(tx, year)) === 0) {
        throw new DomainError(
          'CONFLICT',
          `${year} has no overrides: enter its holidays and make-up working days first, ` +
            'then declare the year complete',
        );
      }
      const before = await this.repository.declaration(tx, year);
      const saved = await this.repository.saveDeclaration(tx, {
        year,
        reason,
        declaredBy: actorId,
      });
      await this.audit.record(tx, {
        action: 'calendar.year-declared',
        subjectType: 'calendar-year',
        subjectId: String(year),
        before: before ? { reason: before.reason } : null,
        after: { reason },
      });
      return saved;
    });
  }
}
