import type { AuditSummary, ChainedRecord } from '../domain/audit-chain';

/** A record as the driver returns it: column names, bigint as string, jsonb parsed. */
export interface AuditRecordRow {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: AuditSummary;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The record in the shape the chain is hashed over (and the API returns). */
export function toChainedRecord(row: AuditRecordRow): ChainedRecord {
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
