import { EntityManager, In } from 'typeorm';
import type { Organisation } from '@craftcert/identity';
import type { PriorAward } from '@craftcert/pipeline';
import type { RecordedEndorsement } from '../domain/endorsements';
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
    personLockKey(nomination.editionId, nomination.identityHash),
  ]);
  const others: { id: string }[] = await tx.query(
    `SELECT id FROM nomination
      WHERE edition_id = $1 AND identity_hash = $2 AND id <> $3 AND status = ANY($4)`,
    [nomination.editionId, nomination.identityHash, nomination.id, IN_THE_RUNNING],
  );
  const ids = others.map((o) => o.id);
  await addDuplicateFlag(tx, ids, nomination.id);
  return ids;
}

/** The (edition, person) lock's key, as hashed by hashtext() in SQL. */
export function personLockKey(editionId: string, identityHash: string): string {
  return `${editionId}:${identityHash}`;
}

/** Appends `duplicateId` to the duplicate flags of each of `ids`, in one statement. */
export async function addDuplicateFlag(
  tx: EntityManager,
  ids: readonly string[],
  duplicateId: string,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE nomination
        SET flags = jsonb_set(flags, '{duplicateOf}',
              (SELECT coalesce(jsonb_agg(DISTINCT v), '[]'::jsonb)
                 FROM jsonb_array_elements(coalesce(flags->'duplicateOf', '[]'::jsonb) || to_jsonb($2::text)) v)),
            revision = revision + 1
      WHERE id = ANY($1::uuid[])`,
    [ids, duplicateId],
  );
}

export interface SubmissionLookups {
  evidence: { kind: string; n: number }[];
  endorsements: RecordedEndorsement[];
  /** The nominating unit and every organisation above it, nearest first. */
  chain: Pick<Organisation, 'id' | 'kind' | 'name'>[];
  priorAwards: PriorAward[];
  /** Other live nominations of the same person in the edition, oldest first. */
  duplicates: string[];
}

/**
 * What a submission needs to know about the rest of the database, in one statement: its
 * evidence counts, the person's prior awards and the other live nominations of the same person.
 * Call it holding the (edition, person) lock (see NominationRepository.lockOwnForSubmission), so
 * a concurrent submission of the same person is either seen here or sees this one.
 */
export async function submissionLookups(
  tx: EntityManager,
  nomination: {
    id: string;
    editionId: string;
    identityHash: string | null;
    nominatingOrganisationId: string | null;
  },
): Promise<SubmissionLookups> {
  const [row] = (await tx.query(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('kind', kind, 'n', n)), '[]'::json)
          FROM (SELECT kind, count(*)::int AS n FROM evidence_file
                 WHERE nomination_id = $1 GROUP BY kind) e) AS evidence,
       (SELECT coalesce(json_agg(json_build_object('programme', programme_code, 'year', year, 'tier', tier)
                                 ORDER BY created_at, id), '[]'::json)
          FROM award WHERE identity_hash = $2) AS prior_awards,
       (SELECT coalesce(json_agg(id ORDER BY created_at, id), '[]'::json)
          FROM nomination
         WHERE edition_id = $3 AND identity_hash = $2 AND id <> $1 AND status = ANY($4)) AS duplicates,
       (SELECT coalesce(json_agg(json_build_object(
                 'endorsementId', endorsement_id, 'kind', kind, 'startsOn', starts_on,
                 'endsOn', ends_on, 'body', body, 'meetingOn', meeting_on, 'evidenceId', evidence_id)
               ORDER BY recorded_at, id), '[]'::json)
          FROM nomination_endorsement WHERE nomination_id = $1) AS endorsements,
       (SELECT coalesce(json_agg(json_build_object('id', o.id, 'kind', o.kind, 'name', o.name)
                                 ORDER BY length(o.path) DESC), '[]'::json)
          FROM organisation o
         WHERE (SELECT unit.path FROM organisation unit WHERE unit.id = $5) LIKE o.path || '%') AS chain`,
    [
      nomination.id,
      nomination.identityHash,
      nomination.editionId,
      IN_THE_RUNNING,
      nomination.nominatingOrganisationId,
    ],
  )) as {
    evidence: { kind: string; n: number }[];
    prior_awards: { programme: string; year: number; tier: string | null }[];
    duplicates: string[];
    endorsements: RecordedEndorsement[];
    chain: Pick<Organisation, 'id' | 'kind' | 'name'>[];
  }[];
  return {
    evidence: row.evidence,
    endorsements: row.endorsements,
    chain: row.chain,
    priorAwards: row.prior_awards.map(({ programme, year, tier }) => ({
      programme,
      year,
      ...(tier ? { tier } : {}),
    })),
    duplicates: row.duplicates,
  };
}
