import { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox.entity';
import { assertOutboxPayload, OutboxMessage, Topic, TopicPayloads } from './topics';

/**
 * Records an event inside the caller's transaction; it is relayed to the queue only once that
 * commits, and never if it rolls back. The topic fixes the payload's type.
 */
export async function addOutboxEvent<T extends Topic>(
  manager: EntityManager,
  topic: T,
  payload: TopicPayloads[T],
): Promise<void> {
  assertOutboxPayload(topic, payload);
  await manager.insert(OutboxEventEntity, {
    topic,
    payload: payload as never,
  });
}

/**
 * The same INSERT as SQL, for a repository that writes its change and its event in one
 * statement (a data-modifying WITH): `topic` and `payload` are the placeholders to use, and
 * `from` (e.g. `FROM updated`) makes the event depend on the change having happened. Bind the
 * values with `outboxParams`.
 */
export function outboxInsertSql(topic: string, payload: string, from = ''): string {
  return `INSERT INTO outbox_event (topic, payload) SELECT ${topic}, ${payload}::jsonb ${from}`;
}

/** The two bind values of `outboxInsertSql`, checked like `addOutboxEvent`'s. */
export function outboxParams<T extends Topic>(message: OutboxMessage<T>): [string, string] {
  assertOutboxPayload(message.topic, message.payload);
  return [message.topic, JSON.stringify(message.payload)];
}
