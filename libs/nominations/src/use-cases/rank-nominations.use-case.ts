import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { findOrganisation, type SignedInActor } from '@craftcert/identity';
import { RequestValidationError } from '@craftcert/platform';
import { requireUnion } from '../domain/screening';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * Sets the union's ranking of one channel's nominations in an edition. The list must name
 * every nomination awaiting or past its screening, each once: a ranking is complete or absent.
 */
@Injectable()
export class RankNominationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(
    actor: SignedInActor,
    editionId: string,
    channelId: string,
    order: string[],
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const union = await findOrganisation(tx, actor.organisationId);
      requireUnion(union);
      const ranked = await this.nominations.lockForRanking(tx, {
        unionId: union.id,
        editionId,
        channelId,
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
      await this.nominations.setUnitRanks(tx, order);
      await this.audit.record(tx, {
        action: 'nomination.ranked',
        subjectType: 'edition',
        subjectId: editionId,
        after: { channelId, order },
      });
    });
  }
}
