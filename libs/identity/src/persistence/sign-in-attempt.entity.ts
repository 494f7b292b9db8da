import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One sign-in throttle counter (see domain/sign-in-throttle.ts): per account and address, per
 * address, or per account. Accounts are named by a hash of the e-mail typed, known or not.
 */
@Entity({ name: 'sign_in_attempt' })
export class SignInAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_sign_in_attempt' })
  key: string;

  @Index('ix_sign_in_attempt_account')
  @Column({ name: 'account_hash', type: 'char', length: 64, nullable: true })
  accountHash: string | null;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
