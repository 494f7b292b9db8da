import { DataSource, EntityManager } from 'typeorm';
import { chainBreak } from '../domain/audit-chain';
import { AuditRecordRow, toChainedRecord } from '../persistence/audit-record.row';

export type AuditChainVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { seq: string; id: string; reason: string } };

const BATCH_SIZE = 1000;

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
    )) as AuditRecordRow[];
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
