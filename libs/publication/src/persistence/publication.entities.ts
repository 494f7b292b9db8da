import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { LocalizedText } from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';
import {
  inList,
  OBJECTION_CHANNELS,
  OBJECTION_STATUSES,
  OBJECTOR_KINDS,
  type ObjectionChannel,
  type ObjectionStatus,
  type ObjectorKind,
} from '../domain/objection';
import type { ListChange, PublishedEntry } from '../domain/published-entry';

// Other contexts' tables are named, not imported (see the workflow's entities).
const EDITION_ENTITY = 'EditionEntity';
const NOMINATION_ENTITY = 'NominationEntity';

/** A list the public sees: a notice's list or the final announcement of an edition's stage. */
@Entity({ name: 'published_list' })
@Unique('uq_published_list_stage', ['editionId', 'stageId'])
@Check('ck_published_list_kind', `kind IN ('notice', 'announcement')`)
export class PublishedListEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_published_list' })
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_published_list_edition' })
  edition?: Edition;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: 'notice' | 'announcement';

  /** Programme and edition as people read them. */
  @Column({ type: 'jsonb' })
  title: LocalizedText;

  /** Only the fields the definition marks public. */
  @Column({ type: 'jsonb' })
  entries: PublishedEntry[];

  /** A notice's period (Asia/Shanghai days, both included); null on an announcement. */
  @Column({ name: 'opens_on', type: 'date', nullable: true })
  opensOn: string | null;

  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn: string | null;

  /** What changed since first published (an upheld objection removing a name), oldest first. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  changes: ListChange[];

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** An objection to a named person on a notice, from the public or recorded by staff. */
@Entity({ name: 'objection' })
@Unique('uq_objection_receipt', ['receiptNo'])
@Index('ix_objection_edition', ['editionId', 'receivedAt'])
@Check('ck_objection_kind', `objector_kind IN (${inList(OBJECTOR_KINDS)})`)
@Check('ck_objection_channel', `channel IN (${inList(OBJECTION_CHANNELS)})`)
@Check('ck_objection_status', `status IN (${inList(OBJECTION_STATUSES)})`)
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_objection' })
  id: string;

  @Column({ name: 'receipt_no', type: 'varchar', length: 20 })
  receiptNo: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_objection_edition' })
  edition?: Edition;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(NOMINATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_objection_nomination' })
  nomination?: unknown;

  @Column({ name: 'objector_kind', type: 'varchar', length: 16 })
  objectorKind: ObjectorKind;

  /** The objector's name masked (王*国), or the organisation's name: what staff lists show. */
  @Column({ name: 'objector_masked', type: 'varchar', length: 100 })
  objectorMasked: string;

  /** Name and contact details, encrypted: read only by the secretariat, audited. */
  @Column({ name: 'contact_ciphertext', type: 'text' })
  contactCiphertext: string;

  @Column({ type: 'varchar', length: 2000 })
  facts: string;

  @Column({ type: 'varchar', length: 10 })
  channel: ObjectionChannel;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: ObjectionStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  findings: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}

/** A named holder's certificate, issued at release; revocation keeps the row. */
@Entity({ name: 'certificate' })
@Unique('uq_certificate_no', ['certificateNo'])
@Unique('uq_certificate_nomination', ['editionId', 'nominationId'])
@Check('ck_certificate_status', `status IN ('valid', 'revoked')`)
@Check('ck_certificate_revocation', `(status = 'revoked') = (revoked_at IS NOT NULL)`)
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certificate' })
  id: string;

  @Column({ name: 'certificate_no', type: 'varchar', length: 32 })
  certificateNo: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_certificate_edition' })
  edition?: Edition;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(NOMINATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_certificate_nomination' })
  nomination?: unknown;

  @Column({ name: 'holder_name', type: 'varchar', length: 100 })
  holderName: string;

  @Column({ name: 'public_fields', type: 'jsonb' })
  publicFields: PublishedEntry['fields'];

  /** Programme, tier and edition as printed on the certificate. */
  @Column({ type: 'jsonb' })
  title: { programme: LocalizedText; tier: LocalizedText; edition: string };

  /** The Open Badges 3.0 credential as a VC-JWT (Ed25519). */
  @Column({ type: 'text' })
  credential: string;

  @Column({ type: 'varchar', length: 10, default: 'valid' })
  status: 'valid' | 'revoked';

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_grounds', type: 'varchar', length: 1000, nullable: true })
  revocationGrounds: string | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;
}

export const PUBLICATION_ENTITIES = [PublishedListEntity, CertificateEntity, ObjectionEntity];
