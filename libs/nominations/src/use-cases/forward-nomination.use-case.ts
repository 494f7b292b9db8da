import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findChainUpwards, findOrganisation, type SignedInActor } from '@craftcert/identity';
import { DomainError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { todayInShanghai } from '@craftcert/pipeline';
import { channelOf } from '../domain/channels';
import { requireEndorsements } from '../domain/endorsements';
import { AWAITING_SCREENING, requireStatus } from '../domain/nomination-status';
import { hopRanks, requireHopHolder, stopFrom } from '../domain/routing';
import { statusChangeAudit } from '../domain/status-change';
import { EndorsementRepository } from '../persistence/endorsement.repository';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * The organisation holding the nomination at its current routing hop passes it on: to the next
 * hop, or to the secretariat after the last. A ranking hop ranks first; an ineligible nomination
 * goes on only when the channel allows forwarding for review, and then says so.
 */
@Injectable()
export class ForwardNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly endorsements: EndorsementRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockVisible(tx, actor, nominationId);
      requireStatus(nomination, AWAITING_SCREENING, 'forward');
      const { definition } = await this.editions.execute(nomination.editionId, tx);
      const channel = channelOf(definition, nomination.channelId);
      const chain = await findChainUpwards(tx, nomination.nominatingOrganisationId!);
      const at = nomination.routingHop;
      const hop = requireHopHolder(
        channel,
        at,
        await findOrganisation(tx, actor.organisationId),
        chain,
      );
      if (hopRanks(channel, at) && nomination.hopRanks[hop.id] === undefined) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `Rank this channel's nominations at "${hop.id}" before forwarding them`,
        );
      }
      requireEndorsements(
        channel,
        await this.endorsements.of(tx, nomination.id),
        await this.endorsements.evidenceCounts(tx, nomination.id),
        todayInShanghai(),
      );
      if (nomination.eligible === false) {
        if (!channel.forwardIneligible) {
          throw new DomainError(
            'INVALID_TRANSITION',
            `The nomination is not eligible and the ${channel.id} channel does not forward ineligible nominations; return it instead`,
          );
        }
        nomination.flags = { ...nomination.flags, forwardedIneligible: true };
      }
      const next = stopFrom(channel, at + 1);
      if (next.status === 'forwarded') {
        const from = await this.nominations.changeStatus(tx, nomination, 'forwarded', actor);
        await this.audit.record(tx, statusChangeAudit(nomination, from, null));
      } else {
        await this.nominations.passOn(tx, nomination, next.hop, actor, hop.id);
        await this.audit.record(tx, {
          action: 'nomination.passedOn',
          subjectType: 'nomination',
          subjectId: nomination.id,
          before: { hop: hop.id },
          after: { hop: channel.routing![next.hop].id },
        });
      }
      return nomination;
    });
  }
}
