import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Generated secrets shared by every replica (e.g. the token signing key when none is configured). */
@Entity({ name: 'platform_secret' })
export class PlatformSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
