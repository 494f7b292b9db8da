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
