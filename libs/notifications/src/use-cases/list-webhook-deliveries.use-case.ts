import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@craftcert/platform';
import { DeliveryRepository } from '../persistence/delivery.repository';
import type { NotificationDeliveryEntity } from '../persistence/notification.entities';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

/** A subscription's delivery log: each call with its status, attempts and last answer. */
@Injectable()
export class ListWebhookDeliveriesUseCase {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute(
    subscriptionId: string,
    page: { limit: number; offset: number },
  ): Promise<NotificationDeliveryEntity[]> {
    if (!(await this.subscriptions.find(subscriptionId))) {
      throw new NotFoundError(`Webhook subscription ${subscriptionId}`);
    }
    return this.deliveries.forSubscription(subscriptionId, page.limit, page.offset);
  }
}
