import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Edition } from '../domain/edition';
import { PipelineDefinitionEntity } from './pipeline-definition.entity';
import { ProgrammeEntity } from './programme.entity';

/** One cycle of a programme (e.g. the 2026 edition), pinned to a published definition version. */
@Entity({ name: 'edition' })
@Unique('uq_edition_code', ['programmeId', 'code'])
export class EditionEntity implements Edition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'title_zh', type: 'varchar', length: 200 })
  titleZh: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId: string;

  @ManyToOne(() => PipelineDefinitionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'definition_id' })
  definition?: PipelineDefinitionEntity;

  /** The date derived values (age, years in skill) are computed at for every nomination. */
  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;

  /** Nominations may be submitted from opensAt until closesAt (an admin may extend it). */
  @Column({ name: 'nomination_opens_at', type: 'timestamptz' })
  nominationOpensAt: Date;

  @Column({ name: 'nomination_closes_at', type: 'timestamptz' })
  nominationClosesAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The record of every change to a nomination window, with the reason given. */
@Entity({ name: 'edition_window_change' })
export class EditionWindowChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId: string;

  @ManyToOne(() => EditionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: EditionEntity;

  @Column({ name: 'previous_closes_at', type: 'timestamptz' })
  previousClosesAt: Date;

  @Column({ name: 'new_closes_at', type: 'timestamptz' })
  newClosesAt: Date;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
