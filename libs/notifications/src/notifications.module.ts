import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityDirectoryModule } from '@craftcert/identity';
import { NominationsModule } from '@craftcert/nominations';
import { PersonalDataModule } from '@craftcert/platform';
import { WorkflowModule } from '@craftcert/workflow';
import { MailTransport } from './channels/mail-transport';
import { WebhookSender } from './channels/webhook-sender';
import { DeadLettersController } from './http/dead-letters.controller';
import { InboxController } from './http/inbox.controller';
import { MailController } from './http/mail.controller';
import { WebhookSubscriptionsController } from './http/webhook-subscriptions.controller';
import { NotificationsProcessor } from './jobs/notifications.processor';
import { OutboxRelay } from './jobs/outbox-relay';
import { TopicRuleCheck } from './jobs/topic-rule.check';
import { DeliveryRepository } from './persistence/delivery.repository';
import { InboxRepository } from './persistence/inbox.repository';
import { NOTIFICATION_ENTITIES } from './persistence/notification.entities';
import { WebhookSubscriptionRepository } from './persistence/webhook-subscription.repository';
import { CountUnreadUseCase } from './use-cases/count-unread.use-case';
import { CreateWebhookSubscriptionUseCase } from './use-cases/create-webhook-subscription.use-case';
import { DeleteWebhookSubscriptionUseCase } from './use-cases/delete-webhook-subscription.use-case';
import { DeliverNotificationUseCase } from './use-cases/deliver-notification.use-case';
import { DispatchEventUseCase } from './use-cases/dispatch-event.use-case';
import { ListDeadLettersUseCase } from './use-cases/list-dead-letters.use-case';
import { ListInboxUseCase } from './use-cases/list-inbox.use-case';
import { ListMailFilesUseCase } from './use-cases/list-mail-files.use-case';
import { ListWebhookDeliveriesUseCase } from './use-cases/list-webhook-deliveries.use-case';
import { ListWebhookSubscriptionsUseCase } from './use-cases/list-webhook-subscriptions.use-case';
import { MarkAllReadUseCase } from './use-cases/mark-all-read.use-case';
import { MarkReadUseCase } from './use-cases/mark-read.use-case';
import { ReadMailFileUseCase } from './use-cases/read-mail-file.use-case';
import { RelayOutboxUseCase } from './use-cases/relay-outbox.use-case';
import { ResolveAudienceUseCase } from './use-cases/resolve-audience.use-case';
import { RetryDeliveryUseCase } from './use-cases/retry-delivery.use-case';
import { RotateWebhookSecretUseCase } from './use-cases/rotate-webhook-secret.use-case';

export const NOTIFICATION_USE_CASES = [
  RelayOutboxUseCase,
  DispatchEventUseCase,
  DeliverNotificationUseCase,
  ResolveAudienceUseCase,
  ListInboxUseCase,
  CountUnreadUseCase,
  MarkReadUseCase,
  MarkAllReadUseCase,
  ListMailFilesUseCase,
  ReadMailFileUseCase,
  CreateWebhookSubscriptionUseCase,
  ListWebhookSubscriptionsUseCase,
  RotateWebhookSecretUseCase,
  DeleteWebhookSubscriptionUseCase,
  ListWebhookDeliveriesUseCase,
  ListDeadLettersUseCase,
  RetryDeliveryUseCase,
];

/** Outbox relay, recipients, channels (e-mail, in-app inbox, webhooks) and dead letters. */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOTIFICATION_ENTITIES),
    PersonalDataModule,
    IdentityDirectoryModule,
    NominationsModule,
    WorkflowModule,
  ],
  providers: [
    DeliveryRepository,
    InboxRepository,
    WebhookSubscriptionRepository,
    MailTransport,
    WebhookSender,
    ...NOTIFICATION_USE_CASES,
  ],
  exports: NOTIFICATION_USE_CASES,
})
export class NotificationsModule {}

/** The inbox, mail, webhook and dead-letter routes: loaded only by processes that serve HTTP. */
@Module({
  imports: [NotificationsModule],
  controllers: [
    InboxController,
    MailController,
    WebhookSubscriptionsController,
    DeadLettersController,
  ],
})
export class NotificationsHttpModule {}

/** The relay and the delivery jobs: loaded only by processes that run workers. */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsProcessor, OutboxRelay, TopicRuleCheck],
})
export class NotificationsJobsModule {}
