import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, JobQueue } from '@craftcert/platform';
import { dispatchJobId } from '../domain/delivery-keys';
import { claimPendingEvents, markDispatched } from '../persistence/outbox-relay.repository';

const ENQUEUE_TIMEOUT_MS = 10_000;

/**
 * Moves committed outbox events into the queue, oldest first, and stamps them relayed — in one
 * transaction, so an event is stamped only once its job exists. A job id made of the event's id
 * means relaying twice (a crash after the add, before the stamp) is still one job. When the
 * queue backend is down the add fails, nothing is stamped, and the next pass tries again.
 */
@Injectable()
export class RelayOutboxUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /** Relays up to `limit` events; returns how many. */
  execute(limit = 200): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const events = await claimPendingEvents(tx, limit);
      if (events.length === 0) return 0;
      const adding = this.jobs.enqueueMany(
        JobName.NotificationDispatch,
        events.map((e) => ({
          jobId: dispatchJobId(e.id),
          data: { eventId: e.id, topic: e.topic, payload: e.payload },
        })),
      );
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the queue backend did not answer')),
          ENQUEUE_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([adding, timeout]);
      } finally {
        clearTimeout(timer);
        adding.catch(() => undefined);
      }
      await markDispatched(
        tx,
        events.map((e) => e.id),
      );
      return events.length;
    });
  }
}
