import { EntityManager } from 'typeorm';
import { HOLDS_PLACE } from '../domain/nomination-status';

/**
 * Takes one of a unit's places in one conditional statement: the row lock taken by the upsert
 * serialises concurrent submitters, so the count can never pass the cap. Returns false when full.
 */
export async function takePlace(
  tx: EntityManager,
  key: { editionId: string; organisationId: string; channelId: string },
  cap: number,
): Promise<boolean> {
  const rows: unknown[] = await tx.query(takePlaceSql('$1', '$2', '$3', '$4'), [
    key.editionId,
    key.organisationId,
    key.channelId,
    cap,
  ]);
  return rows.length > 0;
}

/** takePlace's statement with the given placeholders: it returns a row only if a place was free. */
export function takePlaceSql(edition: string, organisation: string, channel: string, cap: string) {
  return `INSERT INTO nomination_quota_usage (edition_id, organisation_id, channel_id, used)
     VALUES (${edition}, ${organisation}, ${channel}, 1)
     ON CONFLICT (edition_id, organisation_id, channel_id)
     DO UPDATE SET used = nomination_quota_usage.used + 1 WHERE nomination_quota_usage.used < ${cap}
     RETURNING used`;
}

export async function releasePlace(
  tx: EntityManager,
  key: { editionId: string; organisationId: string; channelId: string },
): Promise<void> {
  await tx.query(
    `UPDATE nomination_quota_usage SET used = used - 1
      WHERE edition_id = $1 AND organisation_id = $2 AND channel_id = $3 AND used > 0`,
    [key.editionId, key.organisationId, key.channelId],
  );
}

/**
 * Rebuilds an edition's counters from the nominations holding places, e.g. after the edition
 * moved to a definition version with different caps.
 */
export async function recountPlaces(tx: EntityManager, editionId: string): Promise<void> {
  await tx.query('DELETE FROM nomination_quota_usage WHERE edition_id = $1', [editionId]);
  await tx.query(
    `INSERT INTO nomination_quota_usage (edition_id, organisation_id, channel_id, used)
     SELECT edition_id, nominating_organisation_id, channel_id, count(*)
       FROM nomination
      WHERE edition_id = $1 AND nominating_organisation_id IS NOT NULL AND status = ANY($2)
      GROUP BY edition_id, nominating_organisation_id, channel_id`,
    [editionId, HOLDS_PLACE],
  );
}
