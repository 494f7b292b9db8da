import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import type { SelectionOutcome } from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';

const EDITION_ENTITY = 'EditionEntity';

/**
 * The selection a selection or shortlist stage ran when it closed: the engine's whole outcome
 * (selected with tier and reason, everyone else with theirs, the constraint reports). One per stage.
 */
@Entity({ name: 'selection_run' })
export class SelectionRunEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid', primaryKeyConstraintName: 'pk_selection_run' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_selection_run_edition' })
  edition?: Edition;

  @PrimaryColumn({
    name: 'stage_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_selection_run',
  })
  stageId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'selection' | 'shortlist';

  @Column({ type: 'jsonb' })
  outcome: SelectionOutcome;

  @Column({ name: 'ran_by', type: 'uuid', nullable: true })
  ranBy: string | null;

  @CreateDateColumn({ name: 'ran_at', type: 'timestamptz' })
  ranAt: Date;
}

/**
 * The finalised result of one tier of an edition: exactly one per edition and tier (the primary
 * key), never more filled places than its quota, approved by someone other than who finalised it.
 */
@Entity({ name: 'selection_result' })
@Unique('uq_selection_result_quota', ['editionId', 'tierId', 'quota'])
@Check('ck_selection_result_filled', '"filled" >= 0 AND "filled" <= "quota"')
@Check(
  'ck_selection_result_approver',
  '"approved_by" IS NULL OR ("approved_by" <> "finalised_by" AND "approved_at" IS NOT NULL)',
)
export class SelectionResultEntity {
  @PrimaryColumn({
    name: 'edition_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_selection_result',
  })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_selection_result_edition' })
  edition?: Edition;

  @PrimaryColumn({
    name: 'tier_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_selection_result',
  })
  tierId: string;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ type: 'integer' })
  quota: number;

  @Column({ type: 'integer' })
  filled: number;

  @Column({ name: 'finalised_by', type: 'uuid' })
  finalisedBy: string;

  @CreateDateColumn({ name: 'finalised_at', type: 'timestamptz' })
  finalisedAt: Date;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}

/**
 * One place of a finalised tier. Its position can never exceed the tier's quota: the quota is
 * part of the key it refers to, and a check holds position within it. A candidate holds one place
 * per edition.
 */
@Entity({ name: 'selection_place' })
@Unique('uq_selection_place_nomination', ['editionId', 'nominationId'])
@Check('ck_selection_place_position', '"position" >= 1 AND "position" <= "quota"')
export class SelectionPlaceEntity {
  @PrimaryColumn({
    name: 'edition_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_selection_place',
  })
  editionId: string;

  @PrimaryColumn({
    name: 'tier_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_selection_place',
  })
  tierId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_selection_place' })
  position: number;

  @Column({ type: 'integer' })
  quota: number;

  @ManyToOne(() => SelectionResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'edition_id',
      referencedColumnName: 'editionId',
      foreignKeyConstraintName: 'fk_selection_place_result',
    },
    { name: 'tier_id', referencedColumnName: 'tierId' },
    { name: 'quota', referencedColumnName: 'quota' },
  ])
  result?: SelectionResultEntity;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  @Column({ type: 'jsonb' })
  reason: unknown;
}

export const SELECTION_ENTITIES = [SelectionRunEntity, SelectionResultEntity, SelectionPlaceEntity];
