import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, Topic } from '@craftcert/platform';
import type { NominationStatus } from '../domain/nomination-status';
import { NominationEntity } from '../persistence/nomination.entity';
import { recordEvent } from '../persistence/nomination.repository';
import { confirmRefereeLink, unconfirmedReferees } from '../persistence/referee.repository';

/** A referee vouches through their link; the last confirmation sends the nomination on. */
@Injectable()
export class ConfirmRefereeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  execute(token: string): Promise<{ nominationId: string; status: NominationStatus }> {
    return this.dataSource.transaction(async (tx) => {
      const referee = await confirmRefereeLink(tx, token);
      const nomination = await tx.findOneOrFail(NominationEntity, {
        where: { id: referee.nominationId },
        lock: { mode: 'pessimistic_write' },
      });
      const unconfirmed = await unconfirmedReferees(tx, nomination.id);
      if (nomination.status === 'awaitingReferees' && unconfirmed === 0) {
        nomination.status = 'forwarded';
        await tx.save(nomination);
        await recordEvent(tx, nomination, 'referees-confirmed', 'awaitingReferees', null);
        await addOutboxEvent(tx, Topic.NominationForwarded, {
          nominationId: nomination.id,
          editionId: nomination.editionId,
        });
      }
      await this.audit.record(tx, {
        action: 'nomination.referee-confirmed',
        subjectType: 'nomination',
        subjectId: nomination.id,
        after: { referee: referee.id, status: nomination.status },
        actor: null,
      });
      return { nominationId: nomination.id, status: nomination.status };
    });
  }
}
