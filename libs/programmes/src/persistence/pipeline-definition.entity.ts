import type { PipelineDefinition } from '@craftcert/pipeline';
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
} from 'typeorm';
import { ProgrammeEntity } from './programme.entity';

export type DefinitionStatus = 'draft' | 'published';

/**
 * One version of a programme's rules. Published versions never change (a trigger refuses
 * it); at most one draft per programme (a partial unique index).
 */
@Entity({ name: 'pipeline_definition' })
@Unique('uq_pipeline_definition_version', ['programmeId', 'version'])
@Index('uq_pipeline_definition_one_draft', ['programmeId'], {
  unique: true,
  where: `status = 'draft'`,
})
@Check('ck_pipeline_definition_status', `status IN ('draft', 'published')`)
export class PipelineDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: DefinitionStatus;

  @Column({ type: 'jsonb' })
  document: PipelineDefinition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
