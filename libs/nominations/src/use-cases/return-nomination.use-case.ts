import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation, type SignedInActor } from '@craftcert/identity';
import { AWAITING_SCREENING, requireStatus } from '../domain/nomination-status';
import { requireScreeningUnion } from '../domain/screening';
import { statusChangeAudit } from '../domain/status-change';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/** The screening union returns the nomination for more information; the unit may correct and resubmit. */
@Injectable()
export class ReturnNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string, reason: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockVisible(tx, actor, nominationId);
      requireStatus(nomination, AWAITING_SCREENING, 'return');
      requireScreeningUnion(await findOrganisation(tx, actor.organisationId), nomination);
      const from = await this.nominations.changeStatus(tx, nomination, 'returned', actor, reason);
      await this.audit.record(tx, statusChangeAudit(nomination, from, reason));
      return nomination;
    });
  }
}
