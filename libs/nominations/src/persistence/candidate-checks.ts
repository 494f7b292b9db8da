import { EntityManager, In } from 'typeorm';
import type { PriorAward } from '@craftcert/pipeline';
import { IN_THE_RUNNING } from '../domain/nomination-status';
import { AwardEntity } from './nomination.entity';

/** Awards already held by the person behind an identity hash (for repeat bans and prior-award rules). */
export async function priorAwardsOf(
  tx: EntityManager,
  identityHash: string | null,
): Promise<PriorAward[]> {
  if (!identityHash) return [];
  return (await priorAwardsByIdentity(tx, [identityHash])).get(identityHash) ?? [];
}

/** The same for many people at once, keyed by identity hash (one query). */
export async function priorAwardsByIdentity(
  tx: EntityManager,
  identityHashes: readonly string[],
): Promise<Map<string, PriorAward[]>> {
  const byIdentity = new Map<string, PriorAward[]>();
  if (identityHashes.length === 0) return byIdentity;
  const awards = await tx.findBy(AwardEntity, { identityHash: In([...new Set(identityHashes)]) });
  for (const a of awards) {
    const award = { programme: a.programmeCode, year: a.year, ...(a.tier ? { tier: a.tier } : {}) };
    byIdentity.set(a.identityHash, [...(byIdentity.get(a.identityHash) ?? []), award]);
  }
  return byIdentity;
}

/**
 * Flags other live nominations of the same person in the edition, on both sides. A lock per
 * (edition, person) serialises concurrent submissions of the same person, so neither misses the
 * other; flags are appended in SQL, so concurrent flaggers never overwrite each other.
 */
export async function flagDuplicates(
  tx: EntityManager,
  nomination: { id: string; editionId: string; identityHash: string | null },
): Promise<string[]> {
  if (!nomination.identityHash) return [];
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `${nomination.editionId}:${nomination.identityHash}`,
  ]);
  const others: { id: string }[] = await tx.query(
    `SELECT id FROM nomination
      WHERE edition_id = $1 AND identity_hash = $2 AND id <> $3 AND status = ANY($4)`,
    [nomination.editionId, nomination.identityHash, nomination.id, IN_THE_RUNNING],
  );
  for (const other of others) {
    await tx.query(
      `UPDATE nomination
          SET flags = jsonb_set(flags, '{duplicateOf}',
                (SELECT coalesce(jsonb_agg(DISTINCT v), '[]'::jsonb)
                   FROM jsonb_array_elements(coalesce(flags->'duplicateOf', '[]'::jsonb) || to_jsonb($2::text)) v)),
              revision = revision + 1
        WHERE id = $1`,
      [other.id, nomination.id],
    );
  }
  return others.map((o) => o.id);
}
