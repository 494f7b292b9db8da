import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { accountHashOf, hashPassword } from '../auth/secrets';
import { revokeSessionsOf } from '../persistence/auth-session.repository';
import { consumeOneTimeToken } from '../persistence/one-time-token.repository';
import { clearAccountThrottle } from '../persistence/sign-in-attempt.repository';
import { UserEntity } from '../persistence/user.entity';

/**
 * The reset link sets a new password, ends every session and clears the account's sign-in
 * throttle: whoever holds the mailbox is the account's owner.
 */
@Injectable()
export class ConfirmPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      const reset = await consumeOneTimeToken(tx, 'passwordReset', token);
      await tx.update(UserEntity, { id: reset.userId! }, { passwordHash });
      await clearAccountThrottle(tx, accountHashOf(reset.email));
      await revokeSessionsOf(tx, reset.userId!);
      await this.audit.record(tx, {
        action: 'user.password-reset',
        subjectType: 'user',
        subjectId: reset.userId,
        actor: null,
      });
    });
  }
}
