import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import {
  SelectionPlaceEntity,
  SelectionResultEntity,
  SelectionRunEntity,
} from './selection.entities';

export interface TierPlaces {
  tierId: string;
  quota: number;
  places: { nominationId: string; reason: unknown }[];
}

/** Unique and check violations of the result tables: a concurrent or an over-quota finalisation. */
const GUARDS = [
  'pk_selection_result',
  'uq_selection_place_nomination',
  'ck_selection_place_position',
  'ck_selection_result_filled',
  'ck_selection_result_approver',
  'ck_selection_result_fixed',
];

export class SelectionConflict extends Error {}

@Injectable()
export class SelectionRepository {
  async saveRun(
    tx: EntityManager,
    run: Pick<SelectionRunEntity, 'editionId' | 'stageId' | 'kind' | 'outcome' | 'ranBy'>,
  ): Promise<void> {
    await tx.upsert(SelectionRunEntity, run, ['editionId', 'stageId']);
  }

  /** Where a stage stands (null: not entered) and the nominations still in it. */
  async stageState(
    tx: EntityManager,
    editionId: string,
    stageId: string,
  ): Promise<{ phase: 'open' | 'closed' | null; nominationIds: string[] }> {
    const [row]: { phase: 'open' | 'closed' }[] = await tx.query(
      'SELECT phase FROM workflow_stage WHERE edition_id = $1 AND stage_id = $2',
      [editionId, stageId],
    );
    const rows: { nomination_id: string }[] = await tx.query(
      `SELECT nomination_id FROM candidate_stage
        WHERE edition_id = $1 AND stage_id = $2 AND status <> 'withdrawn' ORDER BY nomination_id`,
      [editionId, stageId],
    );
    return { phase: row?.phase ?? null, nominationIds: rows.map((r) => r.nomination_id) };
  }

  run(tx: EntityManager, editionId: string, stageId: string): Promise<SelectionRunEntity | null> {
    return tx.findOneBy(SelectionRunEntity, { editionId, stageId });
  }

  results(tx: EntityManager, editionId: string): Promise<SelectionResultEntity[]> {
    return tx.find(SelectionResultEntity, { where: { editionId }, order: { tierId: 'ASC' } });
  }

  places(tx: EntityManager, editionId: string): Promise<SelectionPlaceEntity[]> {
    return tx.find(SelectionPlaceEntity, {
      where: { editionId },
      order: { tierId: 'ASC', position: 'ASC' },
    });
  }

  /**
   * Writes one result per tier with its places. A tier already finalised (a concurrent request
   * that committed first) or a place over the quota violates a constraint: SelectionConflict.
   */
  async finalise(
    tx: EntityManager,
    editionId: string,
    stageId: string,
    finalisedBy: string,
    tiers: readonly TierPlaces[],
  ): Promise<void> {
    try {
      for (const tier of tiers) {
        await tx.insert(SelectionResultEntity, {
          editionId,
          tierId: tier.tierId,
          stageId,
          quota: tier.quota,
          filled: tier.places.length,
          finalisedBy,
        });
        if (tier.places.length === 0) continue;
        await tx.insert(
          SelectionPlaceEntity,
          tier.places.map((p, i) => ({
            editionId,
            tierId: tier.tierId,
            position: i + 1,
            quota: tier.quota,
            nominationId: p.nominationId,
            reason: p.reason as object,
          })),
        );
      }
    } catch (error) {
      throw translate(error);
    }
  }

  /** Records the approval on every tier not yet approved; returns how many it approved. */
  async approve(tx: EntityManager, editionId: string, approvedBy: string): Promise<number> {
    try {
      const result = await tx
        .createQueryBuilder()
        .update(SelectionResultEntity)
        .set({ approvedBy, approvedAt: () => 'now()' })
        .where('edition_id = :editionId AND approved_by IS NULL', { editionId })
        .execute();
      return result.affected ?? 0;
    } catch (error) {
      throw translate(error);
    }
  }

  /**
   * The one way to change an approved result: the public notice's objection outcomes call this
   * first in their transaction, and the database then lets that transaction amend the places.
   */
  async allowObjectionAmendment(tx: EntityManager): Promise<void> {
    await tx.query("SELECT set_config('craftcert.selection_amendment', 'objection', true)");
  }

  /** Locks the edition's result rows for an approval. */
  lockResults(tx: EntityManager, editionId: string): Promise<SelectionResultEntity[]> {
    return tx.find(SelectionResultEntity, {
      where: { editionId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}

function translate(error: unknown): unknown {
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  if (error instanceof QueryFailedError && constraint && GUARDS.includes(constraint)) {
    return new SelectionConflict(constraint);
  }
  return error;
}
