import { Check, Column, Entity, Generated, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AuditSummary } from '../domain/audit-chain';

/**
 * One entry of the append-only, hash-chained audit trail. It is written unlinked inside the
 * transaction it describes (`seq` from a sequence: writers never wait for each other, and a
 * rolled-back transaction leaves a gap in seq), then linked right after commit by the chainer,
 * which fills in `position` (the chain order: 1, 2, 3… with no gaps), `prevHash` and `hash`.
 * Triggers refuse DELETE, TRUNCATE and every UPDATE except linking an unlinked record once.
 */
@Entity({ name: 'audit_record' })
@Unique('uq_audit_record_id', ['id'])
@Unique('uq_audit_record_position', ['position'])
@Check(
  'ck_audit_record_link',
  '("position" IS NULL) = ("hash" IS NULL) AND ("hash" IS NULL) = ("prev_hash" IS NULL)',
)
@Index('ix_audit_record_unlinked', ['seq'], { where: '"position" IS NULL' })
@Index('ix_audit_record_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_record_actor', ['actorId'])
@Index('ix_audit_record_action', ['action'])
@Index('ix_audit_record_occurred_at', ['occurredAt'])
export class AuditRecordEntity {
  /** bigint: the pg driver returns it as a string, which is also how it is hashed. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  /** Place in the chain, set when the record is linked; null until then. */
  @Column({ type: 'bigint', nullable: true })
  position: string | null;

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

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash: string | null;
}
