import { Injectable } from '@nestjs/common';
import type { WebhookSubscriptionEntity } from '../persistence/notification.entities';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

/** Every subscription (never its secret). */
@Injectable()
export class ListWebhookSubscriptionsUseCase {
  constructor(private readonly subscriptions: WebhookSubscriptionRepository) {}

  execute(): Promise<WebhookSubscriptionEntity[]> {
    return this.subscriptions.list();
  }
}
