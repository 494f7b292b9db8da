import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadLinkMessageUseCase, ResolveRecipientsUseCase } from '@craftcert/identity';
import { ReadRefereeMessageUseCase } from '@craftcert/nominations';
import { isTopic, PiiCipher, type Topic } from '@craftcert/platform';
import { MailTransport, type OutgoingMail } from '../channels/mail-transport';
import { WebhookCallError, WebhookSender } from '../channels/webhook-sender';
import { render } from '../domain/templates';
import type { NotificationDeliveryEntity } from '../persistence/notification.entities';
import { DeliveryRepository } from '../persistence/delivery.repository';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

export type DeliveryOutcome = 'sent' | 'skipped' | 'already-done';

/**
 * Sends one delivery, at most once: its row is locked while it is sent and marked sent in the
 * same transaction, so a duplicated or retried job waits, then finds it done. Addresses, links
 * and webhook secrets are read (decrypted) here, at send time. A message that no longer makes
 * sense (a used link, a disabled user, a removed subscription) is skipped, not failed. A
 * failure is recorded and rethrown for the queue to retry with backoff; the last attempt's
 * failure moves the delivery to the dead letters.
 */
@Injectable()
export class DeliverNotificationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly links: ReadLinkMessageUseCase,
    private readonly referees: ReadRefereeMessageUseCase,
    private readonly recipients: ResolveRecipientsUseCase,
    private readonly mail: MailTransport,
    private readonly webhooks: WebhookSender,
    private readonly cipher: PiiCipher,
  ) {}

  async execute(deliveryId: string, attempt: { final: boolean }): Promise<DeliveryOutcome> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const delivery = await this.deliveries.lock(tx, deliveryId);
        if (delivery?.status !== 'pending') return 'already-done';
        if (delivery.channel === 'webhook') {
          const status = await this.callWebhook(delivery);
          await this.deliveries.finish(tx, delivery.id, {
            status: status === null ? 'skipped' : 'sent',
            responseStatus: status,
          });
          return status === null ? 'skipped' : 'sent';
        }
        const mail = await this.composeMail(delivery);
        if (!mail) {
          await this.deliveries.finish(tx, delivery.id, {
            status: 'skipped',
            note: 'nothing to send: the link was used or expired, or the recipient is gone',
          });
          return 'skipped';
        }
        await this.mail.send(mail, delivery.id);
        await this.deliveries.finish(tx, delivery.id, { status: 'sent' });
        return 'sent';
      });
    } catch (error) {
      await this.deliveries.recordFailure(deliveryId, {
        error: (error as Error).message,
        responseStatus: error instanceof WebhookCallError ? error.status : null,
        final: attempt.final,
      });
      throw error;
    }
  }

  private async composeMail(d: NotificationDeliveryEntity): Promise<OutgoingMail | null> {
    if (!isTopic(d.topic)) return null;
    const topic: Topic = d.topic;
    const payload = d.payload as never;
    const messageId = `<${d.id}@craftcert>`;
    if (d.recipientKind === 'invitation' || d.recipientKind === 'passwordReset') {
      const message = await this.links.execute(d.recipientKind, d.recipientId);
      if (!message) return null;
      const { subject, text } = render(topic, message.language, payload, message);
      return { to: message.email, subject, text, messageId };
    }
    if (d.recipientKind === 'referee') {
      const message = await this.referees.execute(d.recipientId);
      if (!message) return null;
      const { subject, text } = render(topic, message.language, payload, message);
      return { to: message.email, subject, text, messageId };
    }
    const [user] = await this.recipients.execute({ userIds: [d.recipientId] });
    if (!user) return null;
    const { subject, text } = render(topic, user.language, payload);
    return { to: user.email, subject, text, messageId };
  }

  /** The response status, or null when the subscription no longer exists. */
  private async callWebhook(d: NotificationDeliveryEntity): Promise<number | null> {
    const subscription = d.subscriptionId ? await this.subscriptions.find(d.subscriptionId) : null;
    if (!subscription) return null;
    const secrets = [this.cipher.decrypt<string>(subscription.secretCiphertext)];
    if (
      subscription.previousSecretCiphertext &&
      subscription.previousSecretExpiresAt &&
      subscription.previousSecretExpiresAt > new Date()
    ) {
      secrets.push(this.cipher.decrypt<string>(subscription.previousSecretCiphertext));
    }
    const body = JSON.stringify({
      type: d.topic,
      timestamp: d.createdAt.toISOString(),
      data: d.payload,
    });
    return this.webhooks.send({ url: subscription.url, secrets, id: d.id, body });
  }
}
