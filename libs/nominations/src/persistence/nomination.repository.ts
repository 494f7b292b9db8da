import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import {
  isInOrganisationScope,
  type SignedInActor,
  whereInOrganisationSubtree,
} from '@craftcert/identity';
import type { EligibilityResult } from '@craftcert/pipeline';
import {
  addOutboxEvent,
  NotFoundError,
  outboxInsertSql,
  outboxParams,
  type OutboxMessage,
  Topic,
} from '@craftcert/platform';
import { HOLDS_PLACE, NominationStatus, visibleToReader } from '../domain/nomination-status';
import { NominationEntity, NominationEventEntity } from './nomination.entity';
import { releasePlace, takePlaceSql } from './quota';

/**
 * Loads and stores nominations. A nomination outside the actor's organisation scope reads as
 * missing (404), so ids of other units' nominations disclose nothing.
 */
/** The outbox topic of each status a nomination is moved to by `changeStatus`. */
const STATUS_TOPICS = {
  forwarded: Topic.NominationForwarded,
  returned: Topic.NominationReturned,
  withdrawn: Topic.NominationWithdrawn,
} as const;

@Injectable()
export class NominationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A nomination within the actor's organisation scope. */
  findVisible(
    actor: SignedInActor,
    nominationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NominationEntity> {
    return this.load(manager, actor, nominationId, { lock: false, ownUnitOnly: false });
  }

  /** The same, locked for a change by a union (or overseer) whose scope covers it. */
  lockVisible(
    tx: EntityManager,
    actor: SignedInActor,
    nominationId: string,
  ): Promise<NominationEntity> {
    return this.load(tx, actor, nominationId, { lock: true, ownUnitOnly: false });
  }

  /**
   * A nomination of the actor's own organisation, for the unit's own acts (editing, submitting,
   * withdrawing, evidence): an approver who also holds the nominator role still acts only for
   * its own organisation.
   */
  findOwn(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.load(this.dataSource.manager, actor, nominationId, {
      lock: false,
      ownUnitOnly: true,
    });
  }

  /** The same, locked for update inside the caller's transaction. */
  lockOwn(
    tx: EntityManager,
    actor: SignedInActor,
    nominationId: string,
  ): Promise<NominationEntity> {
    return this.load(tx, actor, nominationId, { lock: true, ownUnitOnly: true });
  }

  /**
   * lockOwn for a submission: the same statement also takes the (edition, person) lock that
   * serialises duplicate checks of one person (see submissionLookups), so neither of two
   * concurrent submissions of the same person misses the other.
   */
  async lockOwnForSubmission(
    tx: EntityManager,
    actor: SignedInActor,
    nominationId: string,
  ): Promise<NominationEntity> {
    // No identity hash: hashtext(NULL) is NULL, and the strict lock function does nothing.
    const nomination = await tx
      .createQueryBuilder(NominationEntity, 'n')
      .addSelect(
        `pg_advisory_xact_lock(hashtext(n.edition_id || ':' || n.identity_hash))`,
        'n_lock',
      )
      .where('n.id = :nominationId', { nominationId })
      .setLock('pessimistic_write')
      .getOne();
    if (!nomination || nomination.nominatingOrganisationId !== actor.organisationId) {
      throw new NotFoundError(`Nomination ${nominationId}`);
    }
    return nomination;
  }

  /**
   * Stores a submission in one statement: the unit's place (when the channel caps them), the
   * nomination's new state (what save() would write, without re-reading the row first), its
   * history entry and its outbox event. Returns false, having changed nothing, when the cap is
   * reached.
   */
  async storeSubmission(
    tx: EntityManager,
    nomination: NominationEntity,
    change: { from: NominationStatus; actorId: string; place?: { channelId: string; cap: number } },
    event: OutboxMessage<Topic.NominationSubmitted>,
  ): Promise<boolean> {
    const params: unknown[] = [
      nomination.id,
      nomination.status,
      JSON.stringify(nomination.eligibility),
      nomination.eligible,
      nomination.submittedAt,
      JSON.stringify(nomination.flags),
      change.from,
      change.actorId,
      ...outboxParams(event),
      nomination.routingHop,
    ];
    let place = '';
    let placeTaken = '';
    if (change.place) {
      params.push(
        nomination.editionId,
        nomination.nominatingOrganisationId,
        change.place.channelId,
        change.place.cap,
      );
      place = `place AS (${takePlaceSql('$12', '$13', '$14', '$15')}),`;
      placeTaken = 'AND EXISTS (SELECT 1 FROM place)';
    }
    const rows = (await tx.query(
      `WITH ${place}
       updated AS (
         UPDATE nomination
            SET status = $2, eligibility = $3, eligible = $4, submitted_at = $5, flags = $6,
                routing_hop = $11, hop_ranks = '{}', unit_rank = NULL,
                updated_at = now(), revision = revision + 1
          WHERE id = $1 ${placeTaken}
          RETURNING updated_at, revision),
       history AS (
         INSERT INTO nomination_event (nomination_id, kind, from_status, to_status, actor_id)
         SELECT $1, 'submitted', $7, $2, $8 FROM updated),
       outbox AS (${outboxInsertSql('$9', '$10', 'FROM updated')})
       SELECT updated_at, revision FROM updated`,
      params,
    )) as { updated_at: Date; revision: number }[];
    if (rows.length === 0) return false;
    nomination.updatedAt = rows[0].updated_at;
    nomination.revision = rows[0].revision;
    return true;
  }

  /**
   * Moves a nomination to another status with its history entry and its outbox event
   * (`nomination.<status>`), giving back the unit's place when it stops holding one. Returns
   * the status it left.
   */
  async changeStatus(
    tx: EntityManager,
    nomination: NominationEntity,
    to: NominationStatus,
    by: { userId: string },
    note: string | null = null,
  ): Promise<NominationStatus> {
    const from = nomination.status;
    if (
      HOLDS_PLACE.includes(from) &&
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
    if (to === 'withdrawn' || to === 'returned') {
      nomination.unitRank = null;
      nomination.hopRanks = {};
      nomination.routingHop = 0;
    }
    await tx.save(nomination);
    await recordEvent(tx, nomination, to, from, by.userId, note);
    const topic = STATUS_TOPICS[to as keyof typeof STATUS_TOPICS];
    if (!topic) throw new Error(`no outbox topic for a nomination moved to ${to}`);
    await addOutboxEvent(tx, topic, {
      nominationId: nomination.id,
      editionId: nomination.editionId,
      note,
    });
    return from;
  }

  /**
   * Passes a nomination on to the next routing hop (it stays `submitted`), with its history
   * entry (`passedOn`, noting the hop that passed it) and its outbox event.
   */
  async passOn(
    tx: EntityManager,
    nomination: NominationEntity,
    toHop: number,
    by: { userId: string },
    fromHopId: string,
  ): Promise<void> {
    nomination.routingHop = toHop;
    await tx.save(nomination);
    await recordEvent(tx, nomination, 'passedOn', nomination.status, by.userId, fromHopId);
    await addOutboxEvent(tx, Topic.NominationPassedOn, {
      nominationId: nomination.id,
      editionId: nomination.editionId,
      routingHop: toHop,
    });
  }

  /**
   * One channel's nominations holding a place in an edition, from the units in an organisation's
   * subtree (itself included) that have reached routing hop `fromHop` or gone past it, locked
   * while that organisation ranks them.
   */
  lockForRanking(
    tx: EntityManager,
    key: { rankerId: string; editionId: string; channelId: string; fromHop: number },
  ): Promise<NominationEntity[]> {
    const query = tx
      .createQueryBuilder(NominationEntity, 'n')
      .innerJoin('n.nominatingOrganisation', 'o')
      .where('n.edition_id = :editionId AND n.channel_id = :channelId', key)
      .andWhere('n.status IN (:...statuses)', { statuses: HOLDS_PLACE })
      .andWhere('(n.status = :arrived OR n.routing_hop >= :fromHop)', {
        arrived: 'forwarded' satisfies NominationStatus,
        fromHop: key.fromHop,
      })
      .setLock('pessimistic_write', undefined, ['n']);
    return whereInOrganisationSubtree(query, 'o', key.rankerId).getMany();
  }

  /** Stores a hop's ranking: each nomination's place at the hop, and as its latest unit rank. */
  async setHopRanks(tx: EntityManager, hopId: string, order: readonly string[]): Promise<void> {
    if (order.length === 0) return;
    await tx.query(
      `UPDATE nomination n
          SET unit_rank = o.rank, hop_ranks = n.hop_ranks || jsonb_build_object($2::text, o.rank),
              revision = n.revision + 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, rank)
        WHERE n.id = o.id`,
      [order, hopId],
    );
  }

  /** An edition's nominations, drafts or the rest, oldest first. */
  inEdition(
    tx: EntityManager,
    editionId: string,
    which: 'drafts' | 'submitted',
  ): Promise<NominationEntity[]> {
    return tx.find(NominationEntity, {
      where: { editionId, status: which === 'drafts' ? 'draft' : Not('draft') },
      order: { createdAt: 'ASC' },
    });
  }

  /** Stores a re-evaluation (and the dossier re-split under another definition version). */
  async storeEvaluation(
    tx: EntityManager,
    nominationId: string,
    stored: {
      eligibility: EligibilityResult;
      dossier: Record<string, unknown>;
      piiCiphertext: string;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE nomination SET eligibility = $2, eligible = $3, dossier = $4, pii_ciphertext = $5,
              updated_at = now(), revision = revision + 1
        WHERE id = $1`,
      [
        nominationId,
        JSON.stringify(stored.eligibility),
        stored.eligibility.eligible,
        JSON.stringify(stored.dossier),
        stored.piiCiphertext,
      ],
    );
  }

  /** Stores a draft's dossier re-split under another definition version. */
  async storeSplit(
    tx: EntityManager,
    nominationId: string,
    stored: { dossier: Record<string, unknown>; piiCiphertext: string },
  ): Promise<void> {
    await tx.query('UPDATE nomination SET dossier = $2, pii_ciphertext = $3 WHERE id = $1', [
      nominationId,
      JSON.stringify(stored.dossier),
      stored.piiCiphertext,
    ]);
  }

  private async load(
    manager: EntityManager,
    actor: SignedInActor,
    nominationId: string,
    options: { lock: boolean; ownUnitOnly: boolean },
  ): Promise<NominationEntity> {
    const nomination = await manager.findOne(NominationEntity, {
      where: { id: nominationId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    // Out of scope, or another unit's draft: 404, as if absent.
    const visible = options.ownUnitOnly
      ? nomination?.nominatingOrganisationId === actor.organisationId
      : nomination &&
        visibleToReader(nomination, actor) &&
        (await isInOrganisationScope(manager, actor, nomination.nominatingOrganisationId));
    if (!nomination || !visible) throw new NotFoundError(`Nomination ${nominationId}`);
    return nomination;
  }
}

/** Appends to the nomination's history, for the nominator's status page. */
export async function recordEvent(
  tx: EntityManager,
  nomination: NominationEntity,
  kind: string,
  fromStatus: string | null,
  actorId: string | null,
  note: string | null = null,
): Promise<void> {
  await tx.insert(NominationEventEntity, {
    nominationId: nomination.id,
    kind,
    fromStatus,
    toStatus: nomination.status,
    note,
    actorId,
  });
}
