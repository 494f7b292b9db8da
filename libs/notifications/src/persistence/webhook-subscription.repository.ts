import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { translateConstraintError } from '@craftcert/platform';
import { WebhookSubscriptionEntity } from './notification.entities';

@Injectable()
export class WebhookSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(tx: EntityManager, row: Omit<WebhookSubscriptionEntity, 'id' | 'createdAt'>) {
    try {
      return await tx.save(tx.create(WebhookSubscriptionEntity, row));
    } catch (error) {
      throw translateConstraintError(error, {
        fk_webhook_subscription_organisation: {
          code: 'NOT_FOUND',
          message: 'No such organisation',
        },
      });
    }
  }

  find(id: string): Promise<WebhookSubscriptionEntity | null> {
    return this.dataSource.manager.findOneBy(WebhookSubscriptionEntity, { id });
  }

  list(): Promise<WebhookSubscriptionEntity[]> {
    return this.dataSource.manager.find(WebhookSubscriptionEntity, {
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async rotate(
    tx: EntityManager,
    id: string,
    secrets: { current: string; previous: string; previousExpiresAt: Date },
  ): Promise<boolean> {
    const result = await tx.update(
      WebhookSubscriptionEntity,
      { id },
      {
        secretCiphertext: secrets.current,
        previousSecretCiphertext: secrets.previous,
        previousSecretExpiresAt: secrets.previousExpiresAt,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  async remove(tx: EntityManager, id: string): Promise<boolean> {
    const result = await tx.delete(WebhookSubscriptionEntity, { id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Subscriptions to a topic for the organisation an event concerns; an event that concerns
   * no one organisation (edition-wide) goes to every subscription to its topic.
   */
  matching(topic: string, organisationId: string | null): Promise<WebhookSubscriptionEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(WebhookSubscriptionEntity, 's')
      .where(':topic = ANY(s.topics)', { topic });
    if (organisationId) query.andWhere('s.organisation_id = :organisationId', { organisationId });
    return query.orderBy('s.id').getMany();
  }
}
