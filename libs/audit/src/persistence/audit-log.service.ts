import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, RequestContext } from '@craftcert/platform';
import { AuditContent, auditHash, GENESIS_HASH, toJsonValue } from '../domain/audit-chain';

export interface AuditEntry {
  /** `programme.created`, `definition.published`, `pii.read`, … */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Small summaries (ids, codes, versions): never secrets or whole documents. */
  before?: unknown;
  after?: unknown;
  /** Defaults to the request's actor; pass null for the system acting on its own. */
  actor?: Actor | null;
}

export interface AuditReceipt {
  seq: string;
  id: string;
  hash: string;
}

// Any constant works as long as every process uses the same one; distinct from the migration lock.
const AUDIT_CHAIN_LOCK_KEY = 727_002;

/**
 * Appends to the hash-chained audit trail inside the caller's transaction, so the record
 * commits or rolls back with the change it describes. Appends are serialised by a transaction
 * advisory lock held until commit: record the entry as the transaction's last step, so the
 * lock is held briefly and never before the caller's own row locks.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditReceipt> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.record needs the EntityManager of an open transaction');
    }
    // Without the lock two transactions could read the same last hash and fork the chain.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const [last] = (await manager.query(
      'SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1',
    )) as { seq: string; hash: string }[];

    const context = RequestContext.current();
    const actor = entry.actor === undefined ? context?.actor : entry.actor;
    const content: AuditContent = {
      seq: last ? String(BigInt(last.seq) + 1n) : '1',
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      actorId: actor?.userId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      // Normalised first, so what is stored is exactly what is hashed.
      summary: toJsonValue({ before: entry.before, after: entry.after }),
      requestId: context?.requestId ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, content);
    await manager.query(
      `INSERT INTO audit_record (seq, id, occurred_at, actor_id, actor_organisation_id, action,
         subject_type, subject_id, summary, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        content.seq,
        content.id,
        content.occurredAt,
        content.actorId,
        content.actorOrganisationId,
        content.action,
        content.subjectType,
        content.subjectId,
        JSON.stringify(content.summary),
        content.requestId,
        prevHash,
        hash,
      ],
    );
    return { seq: content.seq, id: content.id, hash };
  }

  /** For events with no write transaction of their own, such as reading personal data. */
  recordStandalone(dataSource: DataSource, entry: AuditEntry): Promise<AuditReceipt> {
    return dataSource.transaction((tx) => this.record(tx, entry));
  }
}
