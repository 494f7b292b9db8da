import type { AuditContent, AuditSummary, ChainedRecord } from '../domain/audit-chain';

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
  /** The link columns: null until the chainer has linked the record. */
  position: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Every column, in the order the rows above list them. */
export const AUDIT_RECORD_COLUMNS = `seq, id, occurred_at, actor_id, actor_organisation_id, action,
  subject_type, subject_id, summary, request_id, position, prev_hash, hash`;

/** The fields the hash covers. */
export function toAuditContent(row: AuditRecordRow): AuditContent {
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
  };
}

/** A linked record in the shape the chain is checked in. */
export function toChainedRecord(row: AuditRecordRow): ChainedRecord {
  if (row.position === null || row.prev_hash === null || row.hash === null) {
    throw new Error(`audit record seq=${row.seq} is not linked yet`);
  }
  return {
    ...toAuditContent(row),
    position: row.position,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
