import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SUBSCRIBABLE_TOPICS } from '../use-cases/create-webhook-subscription.use-case';
import { MAIL_FILE } from '../channels/mail-transport';

export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1000000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be at least 0' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationParams {
  @ApiProperty({ format: 'uuid', description: 'A notification in your inbox' })
  @IsUUID('all', { message: 'notificationId must be a UUID' })
  notificationId: string;
}

export class DeliveryParams {
  @ApiProperty({ format: 'uuid', description: 'A delivery (e-mail or webhook call)' })
  @IsUUID('all', { message: 'deliveryId must be a UUID' })
  deliveryId: string;
}

export class SubscriptionParams {
  @ApiProperty({ format: 'uuid', description: 'A webhook subscription' })
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId: string;
}

export class MailFileParams {
  @ApiProperty({
    pattern: MAIL_FILE.source,
    description: 'An .eml file listed by GET /api/notifications/mail',
  })
  @Matches(MAIL_FILE, { message: 'fileName must name an .eml file of the mail list' })
  fileName: string;
}

export class CreateSubscriptionRequest {
  @ApiProperty({ format: 'uuid', description: 'The organisation whose events are sent' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;

  @ApiProperty({ example: 'https://partner.example.gov.cn/hooks/craftcert', maxLength: 2000 })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http:// or https:// URL' },
  )
  url: string;

  @ApiProperty({ enum: SUBSCRIBABLE_TOPICS, isArray: true })
  @IsArray({ message: 'topics must be a list' })
  @ArrayMinSize(1, { message: 'topics must name at least one topic' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'topics must not repeat' })
  @IsIn(SUBSCRIBABLE_TOPICS, {
    each: true,
    message: `each topic must be one of: ${SUBSCRIBABLE_TOPICS.join(', ')}`,
  })
  topics: string[];
}
