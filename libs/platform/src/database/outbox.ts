import { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox.entity';

/** Records an event inside the caller's transaction; it is delivered only if that commits. */
export async function addOutboxEvent(
  manager: EntityManager,
  topic: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await manager.save(manager.create(OutboxEventEntity, { topic, payload, dispatchedAt: null }));
}

/**
 * The same INSERT as SQL, for a repository that writes its change and its event in one
 * statement (a data-modifying WITH): `topic` and `payload` are the placeholders to use, and
 * `from` (e.g. `FROM updated`) makes the event depend on the change having happened.
 */
export function outboxInsertSql(topic: string, payload: string, from = ''): string {
  return `INSERT INTO outbox_event (topic, payload) SELECT ${topic}, ${payload}::jsonb ${from}`;
}
