import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type Actor, NotFoundError, PiiCipher } from '@craftcert/platform';
import { newWebhookSecret } from '../channels/webhook-sender';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

/** How long the previous secret keeps signing after a rotation, for the receiver to switch. */
const OVERLAP_MS = 24 * 3600_000;

/**
 * A new secret for a subscription, returned once. For a day, calls carry a signature with each
 * of the two secrets, so a receiver that still has the old one keeps verifying.
 */
@Injectable()
export class RotateWebhookSecretUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(
    subscriptionId: string,
    actor: Actor,
  ): Promise<{ secret: string; previousValidUntil: Date }> {
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscriptions.find(subscriptionId);
      if (!subscription) throw new NotFoundError(`Webhook subscription ${subscriptionId}`);
      const secret = newWebhookSecret(randomBytes(32));
      const previousValidUntil = new Date(Date.now() + OVERLAP_MS);
      await this.subscriptions.rotate(tx, subscriptionId, {
        current: this.cipher.encrypt(secret),
        previous: subscription.secretCiphertext,
        previousExpiresAt: previousValidUntil,
      });
      await this.audit.record(tx, {
        action: 'webhook.secret-rotated',
        subjectType: 'webhook-subscription',
        subjectId: subscriptionId,
        after: { previousValidUntil: previousValidUntil.toISOString() },
        actor,
      });
      return { secret, previousValidUntil };
    });
  }
}
