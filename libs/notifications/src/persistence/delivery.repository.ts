import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  type DeliveryChannel,
  NotificationDeliveryEntity,
  type RecipientKind,
} from './notification.entities';

export interface NewInboxRow {
  userId: string;
  idempotencyKey: string;
  subject: string;
  body: string;
}

export interface NewDelivery {
  idempotencyKey: string;
  channel: DeliveryChannel;
  recipientKind: RecipientKind;
  recipientId: string;
  subscriptionId: string | null;
}

/** Deliveries and inbox rows: written once per idempotency key, whatever runs twice. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for any number of recipients; rows already written are left as they are. */
  async insertInbox(
    tx: EntityManager,
    event: { eventId: string; topic: string; payload: unknown },
    rows: readonly NewInboxRow[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const result = (await tx.query(
      `INSERT INTO inbox_notification (user_id, event_id, topic, idempotency_key, subject, body, data)
       SELECT u, $1, $2, k, s, b, $3::jsonb
         FROM unnest($4::uuid[], $5::varchar[], $6::varchar[], $7::text[]) AS r(u, k, s, b)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING 1`,
      [
        event.eventId,
        event.topic,
        JSON.stringify(event.payload),
        rows.map((r) => r.userId),
        rows.map((r) => r.idempotencyKey),
        rows.map((r) => r.subject),
        rows.map((r) => r.body),
      ],
    )) as unknown[];
    return result.length;
  }

  /** Creates the deliveries that do not exist yet; returns every pending one of the event. */
  async insertDeliveries(
    tx: EntityManager,
    event: { eventId: string; topic: string; payload: unknown },
    rows: readonly NewDelivery[],
  ): Promise<{ id: string; retries: number }[]> {
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO notification_delivery
           (idempotency_key, event_id, topic, channel, recipient_kind, recipient_id, subscription_id, payload)
         SELECT k, $1, $2, c, rk, ri, si, $3::jsonb
           FROM unnest($4::varchar[], $5::varchar[], $6::varchar[], $7::uuid[], $8::uuid[])
                AS r(k, c, rk, ri, si)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          event.eventId,
          event.topic,
          JSON.stringify(event.payload),
          rows.map((r) => r.idempotencyKey),
          rows.map((r) => r.channel),
          rows.map((r) => r.recipientKind),
          rows.map((r) => r.recipientId),
          rows.map((r) => r.subscriptionId),
        ],
      );
    }
    return tx.query(
      `SELECT id, retries FROM notification_delivery WHERE event_id = $1 AND status = 'pending'`,
      [event.eventId],
    );
  }

  /** Locks a delivery while it is sent, so a duplicated job waits and then finds it sent. */
  lock(tx: EntityManager, id: string): Promise<NotificationDeliveryEntity | null> {
    return tx.findOne(NotificationDeliveryEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async finish(
    tx: EntityManager,
    id: string,
    outcome: { status: 'sent' | 'skipped'; responseStatus?: number | null; note?: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE notification_delivery
          SET status = $2::varchar, attempts = attempts + 1, response_status = $3, last_error = $4,
              sent_at = CASE WHEN $2::varchar = 'sent' THEN now() END, updated_at = now()
        WHERE id = $1`,
      [id, outcome.status, outcome.responseStatus ?? null, outcome.note ?? null],
    );
  }

  /** Records a failed attempt; the last one moves the delivery to the dead letters. */
  async recordFailure(
    id: string,
    failure: { error: string; responseStatus: number | null; final: boolean },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery
          SET attempts = attempts + 1, last_error = $2, response_status = $3,
              status = CASE WHEN $4::boolean THEN 'dead' ELSE status END, updated_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [id, failure.error.slice(0, 1000), failure.responseStatus, failure.final],
    );
  }

  /** A dead delivery back to pending, with the number of its manual retry (null: not dead). */
  async revive(id: string): Promise<number | null> {
    const rows = (await this.dataSource.query(
      `UPDATE notification_delivery
          SET status = 'pending', retries = retries + 1, updated_at = now()
        WHERE id = $1 AND status = 'dead'
        RETURNING retries`,
      [id],
    )) as [{ retries: number }[], number];
    return rows[0][0]?.retries ?? null;
  }

  exists(id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(NotificationDeliveryEntity, { id });
  }

  dead(limit: number, offset: number): Promise<NotificationDeliveryEntity[]> {
    return this.dataSource.manager.find(NotificationDeliveryEntity, {
      where: { status: 'dead' },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  forSubscription(
    subscriptionId: string,
    limit: number,
    offset: number,
  ): Promise<NotificationDeliveryEntity[]> {
    return this.dataSource.manager.find(NotificationDeliveryEntity, {
      where: { subscriptionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
