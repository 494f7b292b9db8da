import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findChainUpwards, findOrganisation, type SignedInActor } from '@craftcert/identity';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { AWAITING_SCREENING, requireStatus } from '../domain/nomination-status';
import { requireHopHolder } from '../domain/routing';
import { statusChangeAudit } from '../domain/status-change';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * The organisation holding the nomination at its current routing hop returns it, with a reason,
 * for more information; the unit may correct and resubmit (it then starts from the first hop).
 */
@Injectable()
export class ReturnNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string, reason: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockVisible(tx, actor, nominationId);
      requireStatus(nomination, AWAITING_SCREENING, 'return');
      const { definition } = await this.editions.execute(nomination.editionId, tx);
      const chain = await findChainUpwards(tx, nomination.nominatingOrganisationId!);
      requireHopHolder(
        channelOf(definition, nomination.channelId),
        nomination.routingHop,
        await findOrganisation(tx, actor.organisationId),
        chain,
      );
      const from = await this.nominations.changeStatus(tx, nomination, 'returned', actor, reason);
      await this.audit.record(tx, statusChangeAudit(nomination, from, reason));
      return nomination;
    });
  }
}
