import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { hashPassword } from '../auth/secrets';
import { revokeSessionsOf } from '../persistence/auth-session.repository';
import { consumeOneTimeToken } from '../persistence/one-time-token.repository';
import { UserEntity } from '../persistence/user.entity';

/** The reset link sets a new password, lifts any lockout and ends every session. */
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
      await tx.update(
        UserEntity,
        { id: reset.userId! },
        { passwordHash, failedLogins: 0, lockedUntil: null },
      );
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
