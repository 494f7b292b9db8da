import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Organisation } from '@craftcert/identity';
import type { RubricScore } from '@craftcert/pipeline';
import type { Edition } from '@craftcert/programmes';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../domain/assignment-status';
import { inList } from '../domain/task-status';
import { CandidateStageEntity } from './workflow.entities';

const EDITION_ENTITY = 'EditionEntity';
const ORGANISATION_ENTITY = 'OrganisationEntity';

/**
 * Which expert-panel organisations serve which group of a scoring stage in one edition: the group
 * is a value of the definition's `panelsBy` field ('' when the stage has one panel).
 */
@Entity({ name: 'expert_panel' })
export class ExpertPanelEntity {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid', primaryKeyConstraintName: 'pk_expert_panel' })
  editionId: string;

  @ManyToOne(EDITION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id', foreignKeyConstraintName: 'fk_expert_panel_edition' })
  edition?: Edition;

  @PrimaryColumn({
    name: 'stage_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_expert_panel',
  })
  stageId: string;

  @PrimaryColumn({
    name: 'panel_group',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'pk_expert_panel',
  })
  group: string;

  @PrimaryColumn({
    name: 'organisation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_expert_panel',
  })
  organisationId: string;

  @ManyToOne(ORGANISATION_ENTITY, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_expert_panel_organisation' })
  organisation?: Organisation;

  @Column({ name: 'mapped_by', type: 'uuid', nullable: true })
  mappedBy: string | null;
}

/**
 * One expert's work on one candidate in a scoring stage: draft marks, then a submission that does
 * not change (the computed total and its breakdown are kept with it).
 */
@Entity({ name: 'expert_assignment' })
@Unique('uq_expert_assignment', ['candidateStageId', 'expertId'])
@Index('ix_expert_assignment_expert', ['expertId', 'editionId'])
@Check('ck_expert_assignment_status', `status IN (${inList(ASSIGNMENT_STATUSES)})`)
export class ExpertAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_expert_assignment' })
  id: string;

  @Column({ name: 'candidate_stage_id', type: 'uuid' })
  candidateStageId: string;

  @ManyToOne(() => CandidateStageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'candidate_stage_id',
    foreignKeyConstraintName: 'fk_expert_assignment_candidate_stage',
  })
  candidateStage?: CandidateStageEntity;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @Column({ name: 'stage_id', type: 'varchar', length: 64 })
  stageId: string;

  @Column({ name: 'nomination_id', type: 'uuid' })
  nominationId: string;

  /** The expert (a user holding the expert role in a panel organisation). */
  @Column({ name: 'expert_id', type: 'uuid' })
  expertId: string;

  @Column({ name: 'panel_group', type: 'varchar', length: 64 })
  group: string;

  @Column({ type: 'varchar', length: 16 })
  status: AssignmentStatus;

  /** Marks for the rubric's judged items, by item id. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  marks: Record<string, number>;

  /** The rubric total with these marks (drafts too, so the expert sees it). */
  @Column({ type: 'double precision', nullable: true })
  total: number | null;

  @Column({ type: 'jsonb', nullable: true })
  breakdown: RubricScore | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const SCORING_ENTITIES = [ExpertPanelEntity, ExpertAssignmentEntity];
