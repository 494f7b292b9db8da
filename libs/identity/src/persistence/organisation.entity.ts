import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Organisation } from '../domain/organisation';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/roles';

/**
 * A secretariat, nominating unit, partner department or expert panel. `path` holds the ids from
 * the root down ("/root/…/self/") so a subtree is one indexed prefix match, however deep.
 */
@Entity({ name: 'organisation' })
@Check('ck_organisation_kind', `kind IN (${ORGANISATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class OrganisationEntity implements Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrganisationEntity;

  @Index('ix_organisation_path')
  @Column({ type: 'varchar', length: 1000 })
  path: string;

  /** Attributes quota rules may use later. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  district: string | null;

  @Column({ name: 'industry_section', type: 'char', length: 1, nullable: true })
  industrySection: string | null;

  @Column({ name: 'enterprise_type', type: 'varchar', length: 50, nullable: true })
  enterpriseType: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
