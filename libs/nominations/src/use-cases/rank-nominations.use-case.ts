import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation, type SignedInActor } from '@craftcert/identity';
import { DomainError, RequestValidationError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { hopRanks } from '../domain/routing';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * Sets a ranking hop's order of one channel's nominations in an edition: a union ranking its
 * units' nominations, or a unit its own when the definition routes through the unit itself. The
 * list must name every nomination that reached the hop (or went past it), each once: a ranking
 * is complete or absent.
 */
@Injectable()
export class RankNominationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    order: string[],
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const ranker = await findOrganisation(tx, actor.organisationId);
      const { definition } = await this.editions.execute(editionId, tx);
      const channel = channelOf(definition, channelId);
      const hops = channel.routing ?? [];
      const at = hops.findIndex((h, i) => hopRanks(channel, i) && h.roles.includes(ranker.kind));
      if (at < 0) {
        throw new DomainError(
          'FORBIDDEN',
          `No routing hop of the ${channel.id} channel is ranked by a ${ranker.kind}`,
        );
      }
      const ranked = await this.nominations.lockForRanking(tx, {
        rankerId: ranker.id,
        editionId,
        channelId,
        fromHop: at,
      });
      const expected = new Set(ranked.map((n) => n.id));
      if (
        order.length !== expected.size ||
        new Set(order).size !== order.length ||
        order.some((id) => !expected.has(id))
      ) {
        throw new RequestValidationError([
          {
            path: 'order',
            message: `order must list each of the ${expected.size} nominations awaiting ranking exactly once`,
          },
        ]);
      }
      await this.nominations.setHopRanks(tx, hops[at].id, order);
      await this.audit.record(tx, {
        action: 'nomination.ranked',
        subjectType: 'edition',
        subjectId: editionId,
        after: { channelId, hop: hops[at].id, order },
      });
    });
  }
}
