import { ApiProperty } from '@nestjs/swagger';
import type { AuditSummary } from '../domain/audit-chain';
import { AuditRecordRow, toAuditContent } from '../persistence/audit-record.row';

export class AuditRecordResponse {
  @ApiProperty() seq: string;
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorOrganisationId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({
    type: 'object',
    properties: { before: {}, after: {} },
    description: 'A small summary of the change: { before?, after? }',
  })
  summary: AuditSummary;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Place in the hash chain; null for a moment after commit, until it is linked',
  })
  position: string | null;
  @ApiProperty({ nullable: true, type: String }) prevHash: string | null;
  @ApiProperty({ nullable: true, type: String }) hash: string | null;

  static from(row: AuditRecordRow): AuditRecordResponse {
    return {
      ...toAuditContent(row),
      position: row.position,
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
