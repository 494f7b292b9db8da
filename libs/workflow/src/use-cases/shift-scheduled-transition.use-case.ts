import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { toLocalDate } from '@craftcert/calendar';
import { NotFoundError, RequestValidationError } from '@craftcert/platform';
import { endOfDay, startOfDay } from '../domain/schedule';
import { WorkflowStateError } from '../domain/workflow.errors';
import { ScheduledTransitionEntity } from '../persistence/schedule.entities';

export interface ShiftCommand {
  /** The new day, `YYYY-MM-DD` (Asia/Shanghai): an entry happens as it begins, a close as it ends. */
  dueOn: string;
  reason: string;
}

/** Moves one pending scheduled transition of an edition to another day, with the reason recorded. */
@Injectable()
export class ShiftScheduledTransitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    editionId: string,
    transitionId: string,
    command: ShiftCommand,
    now = new Date(),
  ): Promise<ScheduledTransitionEntity> {
    if (command.dueOn < toLocalDate(now)) {
      throw new RequestValidationError([
        { path: 'dueOn', message: `dueOn must be today (${toLocalDate(now)}) or later` },
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(ScheduledTransitionEntity, {
        where: { id: transitionId, editionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row)
        throw new NotFoundError(`Scheduled transition ${transitionId} of edition ${editionId}`);
      if (row.status !== 'pending') {
        throw new WorkflowStateError(`Scheduled transition ${row.key} has already run`);
      }
      const before = row.dueAt.toISOString();
      row.dueAt = row.action === 'stageClose' ? endOfDay(command.dueOn) : startOfDay(command.dueOn);
      row.shiftReason = command.reason;
      await tx.save(row);
      await this.audit.record(tx, {
        action: 'workflow.schedule-shifted',
        subjectType: 'edition',
        subjectId: editionId,
        before: { key: row.key, dueAt: before },
        after: { key: row.key, dueAt: row.dueAt.toISOString(), reason: command.reason },
      });
      return row;
    });
  }
}
