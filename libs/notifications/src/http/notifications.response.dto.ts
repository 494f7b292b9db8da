import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InboxRow } from '../persistence/inbox.repository';
import type {
  NotificationDeliveryEntity,
  WebhookSubscriptionEntity,
} from '../persistence/notification.entities';
import type { MailFile } from '../use-cases/list-mail-files.use-case';

export class InboxNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() topic: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's ids and facts",
  })
  data: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(r: InboxRow): InboxNotificationResponse {
    return {
      id: r.id,
      topic: r.topic,
      subject: r.subject,
      body: r.body,
      data: r.data,
      readAt: r.readAt ? r.readAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class UnreadCountResponse {
  @ApiProperty() unread: number;
}

export class MarkedResponse {
  @ApiProperty() marked: number;
}

export class MailFileResponse {
  @ApiProperty() fileName: string;
  @ApiProperty() size: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;

  static from(f: MailFile): MailFileResponse {
    return { ...f, createdAt: f.createdAt.toISOString() };
  }
}

export class MailListResponse {
  @ApiProperty({
    enum: ['smtp', 'files'],
    description: 'files: no SMTP_URL, messages are .eml files',
  })
  mode: 'smtp' | 'files';
  @ApiProperty({ type: [MailFileResponse] }) files: MailFileResponse[];
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() topic: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel: string;
  @ApiProperty({ enum: ['user', 'invitation', 'passwordReset', 'referee', 'subscription'] })
  recipientKind: string;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty({ enum: ['pending', 'sent', 'skipped', 'dead'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty() retries: number;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) responseStatus: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(d: NotificationDeliveryEntity): DeliveryResponse {
    return {
      id: d.id,
      eventId: d.eventId,
      topic: d.topic,
      channel: d.channel,
      recipientKind: d.recipientKind,
      recipientId: d.recipientId,
      status: d.status,
      attempts: d.attempts,
      retries: d.retries,
      lastError: d.lastError,
      responseStatus: d.responseStatus,
      sentAt: d.sentAt ? d.sentAt.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  previousSecretValidUntil: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(s: WebhookSubscriptionEntity): SubscriptionResponse {
    return {
      id: s.id,
      organisationId: s.organisationId,
      url: s.url,
      topics: s.topics,
      previousSecretValidUntil: s.previousSecretExpiresAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    };
  }
}

export class CreatedSubscriptionResponse extends SubscriptionResponse {
  @ApiProperty({ description: 'The signing secret (whsec_…), shown once' }) secret: string;
}

export class RotatedSecretResponse {
  @ApiProperty({ description: 'The new signing secret (whsec_…), shown once' }) secret: string;
  @ApiProperty({ format: 'date-time', description: 'Until when the previous secret also signs' })
  previousValidUntil: string;
}
