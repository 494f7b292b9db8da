import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, AppConfig, RequestValidationError } from '@craftcert/platform';
import { hashPassword, randomToken, tokenHash, verifyPassword } from '../auth/secrets';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { OneTimeTokenEntity } from '../persistence/one-time-token.entity';
import { UserEntity } from '../persistence/user.entity';
import { consumeToken } from './invitations.use-case';

const RESET_TTL_MINUTES = 60;

/** Forgotten passwords: a single-use, one-hour link by e-mail; using it ends every session. */
@Injectable()
export class PasswordResetUseCase {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** Answers the same whether or not the e-mail is known, so it cannot be used to probe accounts. */
  async request(email: string): Promise<void> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, {
      email: email.toLowerCase(),
    });
    if (!user || user.disabledAt) {
      this.logger.log('password reset requested for an unknown or disabled account');
      return;
    }
    const token = randomToken();
    await this.dataSource.transaction(async (tx) => {
      const reset = await tx.save(
        tx.create(OneTimeTokenEntity, {
          kind: 'passwordReset',
          tokenHash: tokenHash(token),
          email: user.email,
          userId: user.id,
          organisationId: null,
          roles: null,
          createdBy: null,
          usedAt: null,
          expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
        }),
      );
      await addOutboxEvent(tx, 'identity.password-reset-requested', {
        email: user.email,
        resetUrl: `${this.config.PUBLIC_URL}/reset-password?token=${token}`,
      });
      await this.audit.record(tx, {
        action: 'user.password-reset-requested',
        subjectType: 'user',
        subjectId: user.id,
        after: { token: reset.id },
        actor: null,
      });
    });
  }

  async reset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      const reset = await consumeToken(tx, 'passwordReset', token);
      await tx.update(
        UserEntity,
        { id: reset.userId! },
        { passwordHash, failedLogins: 0, lockedUntil: null },
      );
      await tx
        .createQueryBuilder()
        .update(AuthSessionEntity)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :id AND revoked_at IS NULL', { id: reset.userId })
        .execute();
      await this.audit.record(tx, {
        action: 'user.password-reset',
        subjectType: 'user',
        subjectId: reset.userId,
        actor: null,
      });
    });
  }
}

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
      await tx.update(UserEntity, { id: userId }, { passwordHash });
      await tx
        .createQueryBuilder()
        .update(AuthSessionEntity)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND id <> :sessionId AND revoked_at IS NULL', {
          userId,
          sessionId,
        })
        .execute();
      await this.audit.record(tx, {
        action: 'user.password-changed',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }
}
