import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { LocalizedText } from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';
import type { PublishedEntry } from '../domain/published-entry';

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

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
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

export const PUBLICATION_ENTITIES = [PublishedListEntity, CertificateEntity];
