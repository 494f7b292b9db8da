import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NominationEntity } from './nomination.entity';

/** An uploaded attachment: metadata here, bytes in evidence storage under `storageKey`. */
@Entity({ name: 'evidence_file' })
@Index('ix_evidence_file_nomination', ['nominationId'])
@Index('ix_evidence_file_answers_request', ['answersRequestId'])
export class EvidenceFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the bytes, never taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  /**
   * Sent in answer to a review's request for more information (the workflow's request id, kept
   * as an opaque reference); null for the dossier's own evidence.
   */
  @Column({ name: 'answers_request_id', type: 'uuid', nullable: true })
  answersRequestId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A referee asked to vouch for a self-nomination through a single-use link. */
@Entity({ name: 'nomination_referee' })
@Index('ix_nomination_referee_nomination', ['nominationId'])
export class RefereeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ name: 'pii_ciphertext', type: 'text' })
  piiCiphertext: string;

  @Index('uq_nomination_referee_token', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** The link's token, encrypted, for the message built at send time (null: reissue). */
  @Column({ name: 'link_ciphertext', type: 'text', nullable: true })
  linkCiphertext: string | null;
}

/** A member of the public pointing the secretariat at someone worth considering. */
@Entity({ name: 'tip_off' })
@Index('ix_tip_off_edition', ['editionId', 'createdAt'])
export class TipOffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'candidate_name', type: 'varchar', length: 100 })
  candidateName: string;

  @Column({ type: 'varchar', length: 200 })
  employer: string;

  @Column({ type: 'text' })
  reason: string;

  /** The tipster's name and contact, encrypted: needed only if the secretariat follows up. */
  @Column({ name: 'contact_ciphertext', type: 'text' })
  contactCiphertext: string;

  @Column({ name: 'followed_up_at', type: 'timestamptz', nullable: true })
  followedUpAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
