import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '../domain/roles';

export type OneTimeTokenKind = 'invitation' | 'passwordReset';

/** Invitation and password-reset links: single use, expiring, stored only as a hash. */
@Entity({ name: 'one_time_token' })
@Unique('uq_one_time_token_hash', ['tokenHash'])
@Check('ck_one_time_token_kind', `kind IN ('invitation', 'passwordReset')`)
export class OneTimeTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OneTimeTokenKind;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', array: true, length: 32, nullable: true })
  roles: Role[] | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /**
   * The link's token, encrypted with the personal-data key, so the message can be built when it
   * is sent (the outbox carries only this row's id). Null for links issued before notifications
   * existed: those are reissued when their message is sent.
   */
  @Column({ name: 'link_ciphertext', type: 'text', nullable: true })
  linkCiphertext: string | null;

  /** The language the recipient's messages are written in. */
  @Column({ type: 'varchar', length: 2, default: 'zh' })
  language: 'zh' | 'en';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
