import { EntityManager } from 'typeorm';

export interface PendingEvent {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * The oldest committed events not yet relayed, locked so that relays in other processes skip
 * them (each event is claimed by one relay at a time; none waits for another).
 */
export function claimPendingEvents(tx: EntityManager, limit: number): Promise<PendingEvent[]> {
  return tx.query(
    `SELECT id, topic, payload FROM outbox_event
      WHERE dispatched_at IS NULL
      ORDER BY created_at, id
      LIMIT $1
      FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markDispatched(tx: EntityManager, ids: readonly string[]): Promise<void> {
  await tx.query('UPDATE outbox_event SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [ids]);
}

/** How many committed events wait for the relay (for status and tests). */
export async function pendingEventCount(manager: EntityManager): Promise<number> {
  const rows = (await manager.query(
    'SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL',
  )) as { n: number }[];
  return rows[0].n;
}
