import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation, type SignedInActor } from '@craftcert/identity';
import { DomainError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { AWAITING_SCREENING, requireStatus } from '../domain/nomination-status';
import { requireScreeningUnion } from '../domain/screening';
import { statusChangeAudit } from '../domain/status-change';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/** The screening union endorses the nomination and passes it on to the secretariat. */
@Injectable()
export class ForwardNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockVisible(tx, actor, nominationId);
      requireStatus(nomination, AWAITING_SCREENING, 'forward');
      requireScreeningUnion(await findOrganisation(tx, actor.organisationId), nomination);
      const { definition } = await this.editions.execute(nomination.editionId, tx);
      if (
        channelOf(definition, nomination.channelId).rankingRequired &&
        nomination.unitRank === null
      ) {
        throw new DomainError(
          'INVALID_TRANSITION',
          "Rank this channel's nominations before forwarding them",
        );
      }
      const from = await this.nominations.changeStatus(tx, nomination, 'forwarded', actor);
      await this.audit.record(tx, statusChangeAudit(nomination, from, null));
      return nomination;
    });
  }
}
