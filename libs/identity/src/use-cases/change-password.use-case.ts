import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { RequestValidationError } from '@craftcert/platform';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { revokeSessionsOf } from '../persistence/auth-session.repository';
import { UserEntity } from '../persistence/user.entity';

/** A signed-in user changes their own password; their other sessions end. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new RequestValidationError([
        { path: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction(async (tx) => {
      await tx.update(UserEntity, { id: userId }, { passwordHash, passwordChangeRequired: false });
      await revokeSessionsOf(tx, userId, sessionId);
      await this.audit.record(tx, {
        action: 'user.password-changed',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }
}
