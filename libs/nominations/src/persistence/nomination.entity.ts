import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Organisation } from '@craftcert/identity';
import type { EligibilityResult } from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';
import { NOMINATION_STATUSES, type NominationStatus } from '../domain/nomination-status';

// Other contexts' tables are named, not imported: the foreign keys stay in the mapping (and in
// the migrations), while this context depends only on the other contexts' public types.
const EDITION_ENTITY = 'EditionEntity';
const ORGANISATION_ENTITY = 'OrganisationEntity';

export interface NominationFlags {
  /** Another live nomination in the edition carries the same ID number. */
  duplicateOf?: string[];
  /** The candidate already holds an award the definition's repeat ban covers. */
  priorAwards?: { programme: string; year: number; tier?: string }[];
  /** Forwarded although ineligible, for review above, as the channel allows. */
  forwardedIneligible?: true;
}

/**
 * A candidate put forward in one edition through one channel. Personal data (the definition's
 * `pii` fields) is kept only encrypted in `piiCiphertext`; `dossier` holds the rest.
 */
@Entity({ name: 'nomination' })
@Index('ix_nomination_edition_status', ['editionId', 'status'])
@Index('ix_nomination_organisation', ['nominatingOrganisationId'])
@Index('ix_nomination_identity', ['editionId', 'identityHash'])
@Check('ck_nomination_status', `status IN (${NOMINATION_STATUSES.map((s) => `'${s}'`).join(', ')})`)
export class NominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Edition;

  @Column({ name: 'channel_id', type: 'varchar', length: 64 })
  channelId: string;

  /** The nominating unit; null for public channels (self-nomination, recommendation). */
  @Column({ name: 'nominating_organisation_id', type: 'uuid', nullable: true })
  nominatingOrganisationId: string | null;

  @ManyToOne(ORGANISATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nominating_organisation_id' })
  nominatingOrganisation?: Organisation;

  @Column({ type: 'varchar', length: 20 })
  status: NominationStatus;

  /** Shown in listings, always masked (e.g. 王*国). */
  @Column({ name: 'masked_name', type: 'varchar', length: 100 })
  maskedName: string;

  @Column({ type: 'jsonb' })
  dossier: Record<string, unknown>;

  @Column({ name: 'pii_ciphertext', type: 'text' })
  piiCiphertext: string;

  /** Keyed hash of the ID number: finds duplicates and prior awards without storing it. */
  @Column({ name: 'identity_hash', type: 'char', length: 64, nullable: true })
  identityHash: string | null;

  @Column({ name: 'unit_rank', type: 'integer', nullable: true })
  unitRank: number | null;

  /** The routing hop now holding a `submitted` nomination (index into the channel's routing). */
  @Column({ name: 'routing_hop', type: 'integer', default: 0 })
  routingHop: number;

  /** Each ranking hop's place for it, by hop id ({ "district-union": 2 }). */
  @Column({ name: 'hop_ranks', type: 'jsonb', default: () => `'{}'` })
  hopRanks: Record<string, number>;

  @Column({ type: 'jsonb', nullable: true })
  eligibility: EligibilityResult | null;

  @Column({ type: 'boolean', nullable: true })
  eligible: boolean | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  flags: NominationFlags;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  revision: number;
}

/** The nomination's history, for the nominator's status page. */
@Entity({ name: 'nomination_event' })
@Index('ix_nomination_event_nomination', ['nominationId', 'occurredAt'])
export class NominationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/**
 * Places used per unit, channel and edition. Taking a place is one conditional upsert, so
 * concurrent submissions can never exceed the cap (and never retry).
 */
@Entity({ name: 'nomination_quota_usage' })
export class NominationQuotaUsageEntity {
  @Column({ name: 'edition_id', type: 'uuid', primary: true })
  editionId: string;

  @Column({ name: 'organisation_id', type: 'uuid', primary: true })
  organisationId: string;

  @Column({ name: 'channel_id', type: 'varchar', length: 64, primary: true })
  channelId: string;

  @Column({ type: 'integer' })
  used: number;
}

/** Past awards, so repeat bans and prior-award rules can be checked at submission. */
@Entity({ name: 'award' })
@Index('ix_award_identity', ['identityHash'])
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'identity_hash', type: 'char', length: 64 })
  identityHash: string;

  @Column({ name: 'programme_code', type: 'varchar', length: 64 })
  programmeCode: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  tier: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An endorsement a unit recorded on a nomination before nominating, as its channel requires: an
 * in-unit notice (its start and its end, computed on the working-day calendar), an approval by a
 * named body (meeting date, minutes file) or a seal (an evidence file). One per endorsement id.
 */
@Entity({ name: 'nomination_endorsement' })
@Unique('uq_nomination_endorsement', ['nominationId', 'endorsementId'])
@Check('ck_nomination_endorsement_kind', `kind IN ('notice', 'approval', 'seal')`)
export class NominationEndorsementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_nomination_endorsement' })
  id: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'nomination_id',
    foreignKeyConstraintName: 'fk_nomination_endorsement_nomination',
  })
  nomination?: NominationEntity;

  @Column({ name: 'endorsement_id', type: 'varchar', length: 64 })
  endorsementId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'notice' | 'approval' | 'seal';

  /** A notice's first day (Asia/Shanghai local date). */
  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  /** A notice's last day, computed from its start and the definition's duration. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** The body that approved (e.g. 党政联席会议). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  body: string | null;

  @Column({ name: 'meeting_on', type: 'date', nullable: true })
  meetingOn: string | null;

  /** The evidence file holding the minutes or the sealed form. */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
