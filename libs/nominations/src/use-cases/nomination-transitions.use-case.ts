import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { OrganisationEntity } from '@craftcert/identity';
import { addOutboxEvent, DomainError, RequestValidationError } from '@craftcert/platform';
import { InvalidTransitionError, NominationWindowClosedError } from '../domain/nomination.errors';
import {
  HOLDS_PLACE,
  NominationStatus,
  UNION_KINDS,
  WITHDRAWABLE,
} from '../domain/nomination-status';
import { channelOf, EditionContexts, isOpen } from '../persistence/edition-context';
import { NominationAccess } from '../persistence/nomination-access';
import { NominationEntity } from '../persistence/nomination.entity';
import { releasePlace } from '../persistence/quota';
import { recordEvent } from './draft-nomination.use-case';

/** What happens to a submitted nomination: withdrawal by its unit, ranking, forwarding or return by its union. */
@Injectable()
export class NominationTransitionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly access: NominationAccess,
    private readonly audit: AuditLog,
  ) {}

  /** The unit takes a nomination back (to correct it, or for good) before the deadline. */
  withdraw(actor: SignedInActor, nominationId: string, reason?: string): Promise<NominationEntity> {
    return this.transition(
      actor,
      nominationId,
      'withdraw',
      WITHDRAWABLE,
      'withdrawn',
      reason,
      async (nomination, tx) => {
        const { edition } = await this.editions.load(nomination.editionId, tx);
        if (!isOpen(edition))
          throw new NominationWindowClosedError(
            edition.nominationOpensAt,
            edition.nominationClosesAt,
          );
      },
    );
  }

  /** The screening union endorses the nomination and passes it to the secretariat. */
  forward(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.transition(
      actor,
      nominationId,
      'forward',
      ['submitted'],
      'forwarded',
      undefined,
      async (nomination, tx) => {
        await this.assertScreeningUnion(actor, nomination, tx);
        const { definition } = await this.editions.load(nomination.editionId, tx);
        if (
          channelOf(definition, nomination.channelId).rankingRequired &&
          nomination.unitRank === null
        ) {
          throw new DomainError(
            'INVALID_TRANSITION',
            "Rank this channel's nominations before forwarding them",
          );
        }
      },
    );
  }

  /** The union sends it back for more information; the unit may correct and resubmit. */
  returnToUnit(
    actor: SignedInActor,
    nominationId: string,
    reason: string,
  ): Promise<NominationEntity> {
    return this.transition(
      actor,
      nominationId,
      'return',
      ['submitted'],
      'returned',
      reason,
      (nomination, tx) => this.assertScreeningUnion(actor, nomination, tx),
    );
  }

  /**
   * Sets the union's ranking of one channel's nominations in an edition. The list must name
   * every nomination awaiting or past its screening, each once: a ranking is complete or absent.
   */
  rank(actor: SignedInActor, editionId: string, channelId: string, order: string[]): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const union = await tx.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
      if (!UNION_KINDS.includes(union.kind))
        throw new DomainError('FORBIDDEN', 'Only a district or industry union ranks nominations');
      const ranked = await tx
        .createQueryBuilder(NominationEntity, 'n')
        .innerJoin('n.nominatingOrganisation', 'o')
        .where('n.edition_id = :editionId AND n.channel_id = :channelId', { editionId, channelId })
        .andWhere('n.status IN (:...statuses)', { statuses: HOLDS_PLACE })
        .andWhere('o.path LIKE :prefix', { prefix: `${union.path}%` })
        .setLock('pessimistic_write', undefined, ['n'])
        .getMany();
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
      for (const [index, id] of order.entries()) {
        await tx.update(NominationEntity, { id }, { unitRank: index + 1 });
      }
      await this.audit.record(tx, {
        action: 'nomination.ranked',
        subjectType: 'edition',
        subjectId: editionId,
        after: { channelId, order },
      });
    });
  }

  private async transition(
    actor: SignedInActor,
    nominationId: string,
    action: string,
    from: readonly NominationStatus[],
    to: NominationStatus,
    note: string | undefined,
    guard: (nomination: NominationEntity, tx: EntityManager) => Promise<void>,
  ): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      const nomination = await this.access.load(actor, nominationId, tx, {
        lock: true,
        // Withdrawing is the unit's own act; screening is the union's, over units below it.
        ownUnitOnly: action === 'withdraw',
      });
      if (!from.includes(nomination.status))
        throw new InvalidTransitionError(action, nomination.status);
      await guard(nomination, tx);
      const previous = nomination.status;
      if (
        HOLDS_PLACE.includes(previous) &&
        !HOLDS_PLACE.includes(to) &&
        nomination.nominatingOrganisationId
      ) {
        await releasePlace(tx, {
          editionId: nomination.editionId,
          organisationId: nomination.nominatingOrganisationId,
          channelId: nomination.channelId,
        });
      }
      nomination.status = to;
      if (to === 'withdrawn' || to === 'returned') nomination.unitRank = null;
      await tx.save(nomination);
      await recordEvent(tx, nomination, to, previous, actor.userId, note ?? null);
      await addOutboxEvent(tx, `nomination.${to}`, {
        nominationId,
        editionId: nomination.editionId,
        note: note ?? null,
      });
      await this.audit.record(tx, {
        action: `nomination.${to}`,
        subjectType: 'nomination',
        subjectId: nominationId,
        before: { status: previous },
        after: { status: to, ...(note ? { note } : {}) },
      });
      return nomination;
    });
  }

  /** Only the union above the nominating unit screens it (not the unit itself). */
  private async assertScreeningUnion(
    actor: SignedInActor,
    nomination: NominationEntity,
    tx: EntityManager,
  ): Promise<void> {
    const union = await tx.findOneByOrFail(OrganisationEntity, { id: actor.organisationId });
    if (!UNION_KINDS.includes(union.kind) || union.id === nomination.nominatingOrganisationId) {
      throw new DomainError(
        'FORBIDDEN',
        'Only the district or industry union above the unit screens its nominations',
      );
    }
  }
}
