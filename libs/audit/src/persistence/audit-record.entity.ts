import { Column, Entity, Generated, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AuditSummary } from '../domain/audit-chain';

/**
 * One entry of the append-only, hash-chained audit trail. `seq` is the chain order, assigned
 * by AuditLog under a lock (not a sequence: a rolled-back transaction would leave a gap that
 * looks exactly like a deleted record). A trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity({ name: 'audit_record' })
@Unique('uq_audit_record_id', ['id'])
@Index('ix_audit_record_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_record_actor', ['actorId'])
@Index('ix_audit_record_action', ['action'])
@Index('ix_audit_record_occurred_at', ['occurredAt'])
export class AuditRecordEntity {
  /** bigint: the pg driver returns it as a string, which is also how it is hashed. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  /** AuditLog assigns it (the hash covers it); the database default is for completeness. */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  /** `programme.created`, `definition.published`, `pii.read`, … */
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 100 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 200, nullable: true })
  subjectId: string | null;

  /** `{ before?, after? }`: small summaries (ids, codes, versions), never secrets. */
  @Column({ type: 'jsonb' })
  summary: AuditSummary;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
