/**
 * Idempotency keys: one per event, channel and recipient, so dispatching an event twice (a
 * relayed event's job retried, or relayed twice after a crash) creates nothing new.
 */
export const inboxKey = (eventId: string, userId: string) => `${eventId}:inbox:${userId}`;

export const deliveryKey = (eventId: string, channel: string, kind: string, id: string) =>
  `${eventId}:${channel}:${kind}:${id}`;

/** Job ids (BullMQ allows no `:`): a manual retry of a dead delivery gets a job of its own. */
export const dispatchJobId = (eventId: string) => `event.${eventId}`;
export const deliverJobId = (deliveryId: string, retries: number) =>
  retries === 0 ? `delivery.${deliveryId}` : `delivery.${deliveryId}.retry-${retries}`;
