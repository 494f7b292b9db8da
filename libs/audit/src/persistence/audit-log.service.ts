import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, RequestContext } from '@craftcert/platform';
import { toJsonValue } from '../domain/audit-chain';
import { AuditChainer } from './audit-chainer';

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
}

/**
 * Appends to the audit trail inside the caller's transaction, so the record commits or rolls
 * back with the change it describes. It is one INSERT, with no lock and no read: the record is
 * linked into the hash chain right after commit (see AuditChainer), so concurrent writers never
 * wait for each other. Record the entry as the transaction's last step all the same: it then
 * describes what the transaction actually did.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditReceipt> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditLog.record needs the EntityManager of an open transaction');
    }
    const context = RequestContext.current();
    const actor = entry.actor === undefined ? context?.actor : entry.actor;
    const id = randomUUID();
    const [{ seq }] = (await manager.query(
      `INSERT INTO audit_record (id, occurred_at, actor_id, actor_organisation_id, action,
         subject_type, subject_id, summary, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq`,
      [
        id,
        new Date().toISOString(),
        actor?.userId ?? null,
        actor?.organisationId ?? null,
        entry.action,
        entry.subjectType,
        entry.subjectId ?? null,
        // Normalised first, so what is stored is exactly what will be hashed.
        JSON.stringify(toJsonValue({ before: entry.before, after: entry.after })),
        context?.requestId ?? null,
      ],
    )) as { seq: string }[];
    AuditChainer.linkAfterCommit(manager);
    return { seq, id };
  }

  /** For events with no write transaction of their own, such as reading personal data. */
  recordStandalone(dataSource: DataSource, entry: AuditEntry): Promise<AuditReceipt> {
    return dataSource.transaction((tx) => this.record(tx, entry));
  }
}
