import { EntityManager } from 'typeorm';

/** How many files of each kind a nomination has attached. */
export function evidenceCounts(
  tx: EntityManager,
  nominationId: string,
): Promise<{ kind: string; n: number }[]> {
  return tx.query(
    'SELECT kind, count(*)::int AS n FROM evidence_file WHERE nomination_id = $1 GROUP BY kind',
    [nominationId],
  );
}
