import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

export class AuditQuery {
  @ApiPropertyOptional({
    pattern: '^[1-9]\\d{0,17}$',
    description: 'Cursor: only records with a smaller seq (newest first)',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'before must be a record seq (a positive integer)' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${AUDIT_PAGE_MAX}` })
  @Min(1, { message: `limit must be an integer from 1 to ${AUDIT_PAGE_MAX}` })
  @Max(AUDIT_PAGE_MAX, { message: `limit must be an integer from 1 to ${AUDIT_PAGE_MAX}` })
  limit: number = AUDIT_PAGE_DEFAULT;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'definition.published' })
  @IsOptional()
  @Length(1, 100, { message: 'action must be 1–100 characters' })
  action?: string;

  @ApiPropertyOptional({ example: 'pipeline_definition' })
  @IsOptional()
  @Length(1, 100, { message: 'subjectType must be 1–100 characters' })
  subjectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Length(1, 200, { message: 'subjectId must be 1–200 characters' })
  subjectId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Records that occurred at or after this ISO 8601 time',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 timestamp' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Records that occurred before this ISO 8601 time',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 timestamp' })
  to?: string;
}
