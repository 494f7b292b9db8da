import { ApiProperty } from '@nestjs/swagger';
import type { AuditSummary } from '../domain/audit-chain';
import type { AuditRecordRow } from '../persistence/audit.queries';

export class AuditRecordResponse {
  @ApiProperty() seq: string;
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorOrganisationId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ description: '{ before?, after? }' }) summary: AuditSummary;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;

  static from(row: AuditRecordRow): AuditRecordResponse {
    return {
      seq: row.seq,
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorId: row.actor_id,
      actorOrganisationId: row.actor_organisation_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      summary: row.summary,
      requestId: row.request_id,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditRecordResponse] }) items: AuditRecordResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for the next page' })
  nextCursor: string | null;
}
