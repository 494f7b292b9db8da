// The notifications context's public surface: its modules, use cases, the topic rules and
// templates. Its tables are listed for the migrations catalogue in
// `@craftcert/notifications/entities`.
export {
  NotificationsHttpModule,
  NotificationsJobsModule,
  NotificationsModule,
} from './notifications.module';
export { checkTopicRules, TOPIC_RULES, type Audience } from './domain/topic-rules';
export { render, TEMPLATES, type Language } from './domain/templates';
export { decodeHeader, headerOf } from './domain/mail-headers';
export { RelayOutboxUseCase } from './use-cases/relay-outbox.use-case';
export { DispatchEventUseCase } from './use-cases/dispatch-event.use-case';
export { DeliverNotificationUseCase } from './use-cases/deliver-notification.use-case';
export { RetryDeliveryUseCase } from './use-cases/retry-delivery.use-case';
