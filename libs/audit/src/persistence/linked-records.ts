import type { DataSource, EntityManager } from 'typeorm';
import type { ChainedRecord } from '../domain/audit-chain';
import { AUDIT_RECORD_COLUMNS, AuditRecordRow, toChainedRecord } from './audit-record.row';

const BATCH_SIZE = 1000;

/**
 * The linked records after `position`, in chain order, a batch at a time (keyset pagination,
 * so memory stays flat whatever the length of the trail).
 */
export async function* linkedRecordsAfter(
  source: DataSource | EntityManager,
  position: string,
): AsyncGenerator<ChainedRecord> {
  for (let after = position; ;) {
    const rows = (await source.query(
      `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_record
        WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, BATCH_SIZE],
    )) as AuditRecordRow[];
    for (const row of rows) {
      const record = toChainedRecord(row);
      yield record;
      after = record.position;
    }
    if (rows.length < BATCH_SIZE) return;
  }
}
