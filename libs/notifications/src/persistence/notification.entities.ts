import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

/** One message in a user's in-app inbox, written once per event and user (its idempotency key). */
@Entity({ name: 'inbox_notification' })
@Unique('uq_inbox_notification_key', ['idempotencyKey'])
@Index('ix_inbox_notification_user', ['userId', 'createdAt'])
export class InboxNotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_inbox_notification_user' })
  user?: unknown;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  topic: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The event's payload: ids and plain facts, for a client to link to the records. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A partner system's subscription to some topics of one organisation, called with Standard
 * Webhooks signatures. Secrets are kept encrypted; after a rotation the previous secret also
 * signs for a day, so the receiver can switch over.
 */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_webhook_subscription_organisation',
  })
  organisation?: unknown;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', array: true, length: 100 })
  topics: string[];

  @Column({ name: 'secret_ciphertext', type: 'text' })
  secretCiphertext: string;

  @Column({ name: 'previous_secret_ciphertext', type: 'text', nullable: true })
  previousSecretCiphertext: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'skipped', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryChannel = 'email' | 'webhook';
export type RecipientKind = 'user' | 'invitation' | 'passwordReset' | 'referee' | 'subscription';

/**
 * One e-mail or webhook call to send. Its idempotency key (event, channel, recipient) makes it
 * exist once however often the event is dispatched; its status makes it sent once however often
 * its job runs. It names its recipient by id only: addresses are read when it is sent.
 */
@Entity({ name: 'notification_delivery' })
@Unique('uq_notification_delivery_key', ['idempotencyKey'])
@Index('ix_notification_delivery_dead', ['updatedAt'], { where: `status = 'dead'` })
@Index('ix_notification_delivery_subscription', ['subscriptionId', 'createdAt'])
@Check('ck_notification_delivery_status', `status IN ('pending', 'sent', 'skipped', 'dead')`)
@Check('ck_notification_delivery_channel', `channel IN ('email', 'webhook')`)
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  topic: string;

  @Column({ type: 'varchar', length: 16 })
  channel: DeliveryChannel;

  @Column({ name: 'recipient_kind', type: 'varchar', length: 16 })
  recipientKind: RecipientKind;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'subscription_id', type: 'uuid', nullable: true })
  subscriptionId: string | null;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'subscription_id',
    foreignKeyConstraintName: 'fk_notification_delivery_subscription',
  })
  subscription?: WebhookSubscriptionEntity;

  /** The event's payload (ids only), so a delivery renders without the outbox row. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Manual retries after dead-lettering: each gets a job id of its own. */
  @Column({ type: 'int', default: 0 })
  retries: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

export const NOTIFICATION_ENTITIES = [
  InboxNotificationEntity,
  NotificationDeliveryEntity,
  WebhookSubscriptionEntity,
];
