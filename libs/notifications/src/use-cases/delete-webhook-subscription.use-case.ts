import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { type Actor, NotFoundError } from '@craftcert/platform';
import { WebhookSubscriptionRepository } from '../persistence/webhook-subscription.repository';

/** Ends a subscription; its delivery log goes with it, and its pending calls are skipped. */
@Injectable()
export class DeleteWebhookSubscriptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(subscriptionId: string, actor: Actor): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.subscriptions.remove(tx, subscriptionId))) {
        throw new NotFoundError(`Webhook subscription ${subscriptionId}`);
      }
      await this.audit.record(tx, {
        action: 'webhook.unsubscribed',
        subjectType: 'webhook-subscription',
        subjectId: subscriptionId,
        actor,
      });
    });
  }
}
