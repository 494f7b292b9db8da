import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { OverrideKind } from '../domain/calendar-rules';
import { CalendarRepository, OverrideRow } from '../persistence/calendar.repository';

export interface SetOverrideCommand {
  date: string;
  kind: OverrideKind;
  reason: string;
}

/**
 * Marks one day worked or off whatever the holiday package says (a city's own day off, a
 * correction). Replaces any earlier override of that day; both versions stay in the audit trail.
 */
@Injectable()
export class SetCalendarOverrideUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(command: SetOverrideCommand, actorId: string): Promise<OverrideRow> {
    return this.dataSource.transaction(async (tx) => {
      await this.repository.bumpRevision(tx);
      const before = await this.repository.override(tx, command.date);
      const saved = await this.repository.saveOverride(tx, { ...command, setBy: actorId });
      await this.audit.record(tx, {
        action: 'calendar.override-set',
        subjectType: 'calendar-day',
        subjectId: command.date,
        before: before ? { kind: before.kind, reason: before.reason } : null,
        after: { kind: saved.kind, reason: saved.reason },
      });
      return saved;
    });
  }
}
