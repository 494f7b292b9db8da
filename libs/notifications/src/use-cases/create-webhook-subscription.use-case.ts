import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type Actor, PiiCipher, RequestValidationError } from '@craftcert/platform';
import { newWebhookSecret } from '../channels/webhook-sender';
import { TOPIC_RULES } from '../domain/topic-rules';
import type { WebhookSubscriptionEntity } from '../persistence/notification.entities';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

export interface CreateSubscriptionCommand {
  organisationId: string;
  url: string;
  topics: string[];
}

/** Topics partner systems may subscribe to (never the personal ones: links, referees). */
export const SUBSCRIBABLE_TOPICS = Object.entries(TOPIC_RULES)
  .filter(([, rule]) => rule.webhook)
  .map(([topic]) => topic);

/**
 * An administrator subscribes a partner system to some topics of an organisation. The secret
 * is returned once, here; it is stored encrypted.
 */
@Injectable()
export class CreateWebhookSubscriptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    command: CreateSubscriptionCommand,
    actor: Actor,
  ): Promise<{ subscription: WebhookSubscriptionEntity; secret: string }> {
    const unknown = command.topics.filter((t) => !SUBSCRIBABLE_TOPICS.includes(t));
    if (unknown.length > 0) {
      throw new RequestValidationError([
        { path: 'topics', message: `not a subscribable topic: ${unknown.join(', ')}` },
      ]);
    }
    const secret = newWebhookSecret(randomBytes(32));
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscriptions.create(tx, {
        organisationId: command.organisationId,
        url: command.url,
        topics: command.topics,
        secretCiphertext: this.cipher.encrypt(secret),
        previousSecretCiphertext: null,
        previousSecretExpiresAt: null,
        createdBy: actor.userId,
      });
      await this.audit.record(tx, {
        action: 'webhook.subscribed',
        subjectType: 'webhook-subscription',
        subjectId: subscription.id,
        after: { organisationId: command.organisationId, url: command.url, topics: command.topics },
        actor,
      });
      return { subscription, secret };
    });
  }
}
