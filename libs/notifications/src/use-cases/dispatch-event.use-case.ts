import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, isTopic, JobName, JobQueue, type Topic } from '@craftcert/platform';
import { deliverJobId, deliveryKey, inboxKey } from '../domain/delivery-keys';
import { render } from '../domain/templates';
import { TOPIC_RULES, type TopicRule } from '../domain/topic-rules';
import { DeliveryRepository, NewDelivery } from '../persistence/delivery.repository';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';
import { ResolveAudienceUseCase } from './resolve-audience.use-case';

export interface RelayedEvent {
  eventId: string;
  topic: string;
  payload: unknown;
}

/**
 * A relayed event becomes messages: in-app notifications written at once (one statement for
 * any number of users), and one delivery per e-mail and webhook call, each sent by a job of its
 * own. Every row has an idempotency key, so running this twice for one event adds nothing.
 */
@Injectable()
export class DispatchEventUseCase {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audience: ResolveAudienceUseCase,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async execute(event: RelayedEvent): Promise<{ inbox: number; deliveries: number }> {
    if (!isTopic(event.topic)) {
      this.logger.warn({ topic: event.topic }, 'an outbox event of an unknown topic was skipped');
      return { inbox: 0, deliveries: 0 };
    }
    const topic: Topic = event.topic;
    const payload = event.payload as never;
    const rule = TOPIC_RULES[topic] as TopicRule<Topic>;
    const { users, links } = await this.audience.execute(rule.audience(payload));
    const subscriptions = rule.webhook
      ? await this.subscriptions.matching(topic, rule.organisationOf(payload))
      : [];
    const inboxRows = rule.channels.includes('inbox')
      ? users.map((u) => {
          const { subject, text } = render(topic, u.language, payload);
          return {
            userId: u.userId,
            idempotencyKey: inboxKey(event.eventId, u.userId),
            subject,
            body: text,
          };
        })
      : [];
    const planned: NewDelivery[] = [
      ...(rule.channels.includes('email') ? users : []).map((u) => ({
        idempotencyKey: deliveryKey(event.eventId, 'email', 'user', u.userId),
        channel: 'email' as const,
        recipientKind: 'user' as const,
        recipientId: u.userId,
        subscriptionId: null,
      })),
      ...links.map((l) => ({
        idempotencyKey: deliveryKey(event.eventId, 'email', l.link, l.id),
        channel: 'email' as const,
        recipientKind: l.link,
        recipientId: l.id,
        subscriptionId: null,
      })),
      ...subscriptions.map((s) => ({
        idempotencyKey: deliveryKey(event.eventId, 'webhook', 'subscription', s.id),
        channel: 'webhook' as const,
        recipientKind: 'subscription' as const,
        recipientId: s.id,
        subscriptionId: s.id,
      })),
    ];
    const { inbox, pending } = await this.dataSource.transaction(async (tx) => ({
      inbox: await this.deliveries.insertInbox(tx, event, inboxRows),
      pending: await this.deliveries.insertDeliveries(tx, event, planned),
    }));
    await this.jobs.enqueueMany(
      JobName.NotificationDeliver,
      pending.map((d) => ({ jobId: deliverJobId(d.id, d.retries), data: { deliveryId: d.id } })),
      this.retryPolicy(),
    );
    return { inbox, deliveries: pending.length };
  }

  retryPolicy() {
    return {
      attempts: this.config.NOTIFICATION_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.NOTIFICATION_BACKOFF_MS },
    };
  }
}
