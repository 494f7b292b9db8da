import { DataSource, EntityManager } from 'typeorm';
import { AuditSummary, chainBreak, ChainedRecord } from '../domain/audit-chain';

export type AuditChainVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { seq: string; id: string; reason: string } };

const BATCH_SIZE = 1000;

interface AuditRow {
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

/**
 * Walks the whole trail in seq order, a batch at a time (keyset pagination, so memory stays
 * flat), and reports the first record that is missing a predecessor, does not link to it, or
 * whose content no longer matches its hash. `count` is the number of records checked.
 * Removing the newest records leaves a valid shorter chain: compare `count` and the head hash
 * with a copy kept elsewhere to detect that.
 */
export async function verifyAuditChain(
  source: DataSource | EntityManager,
): Promise<AuditChainVerdict> {
  let previous: { seq: string; hash: string } | undefined;
  let count = 0;
  for (;;) {
    const rows = (await source.query(
      `SELECT seq, id, occurred_at, actor_id, actor_organisation_id, action, subject_type,
              subject_id, summary, request_id, prev_hash, hash
         FROM audit_record WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [previous?.seq ?? '0', BATCH_SIZE],
    )) as AuditRow[];
    for (const row of rows) {
      count++;
      const record = toChainedRecord(row);
      const reason = chainBreak(previous, record);
      if (reason) return { ok: false, count, brokenAt: { seq: record.seq, id: record.id, reason } };
      previous = record;
    }
    if (rows.length < BATCH_SIZE) return { ok: true, count };
  }
}

function toChainedRecord(row: AuditRow): ChainedRecord {
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
