import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { AppConfig } from '@craftcert/platform';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/secrets';
import { IssuedTokens, SessionTokens } from '../auth/session-tokens';
import { AccountLockedError, InvalidCredentialsError } from '../domain/identity.errors';
import { UserEntity } from '../persistence/user.entity';
import { recordFailedSignIn } from '../persistence/user.repository';

/** Sign-in with e-mail and password; repeated failures lock the account for a while. */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionTokens,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async execute(email: string, password: string): Promise<IssuedTokens> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, {
      email: email.toLowerCase(),
    });
    if (!user || user.disabledAt) {
      await verifyPassword(await DUMMY_PASSWORD_HASH, password);
      throw new InvalidCredentialsError();
    }
    if (user.lockedUntil && user.lockedUntil > new Date())
      throw new AccountLockedError(user.lockedUntil);
    if (!(await verifyPassword(user.passwordHash, password))) {
      const lockedUntil = await this.recordFailure(user);
      if (lockedUntil) throw new AccountLockedError(lockedUntil);
      throw new InvalidCredentialsError();
    }
    return this.dataSource.transaction(async (tx) => {
      await tx.update(UserEntity, { id: user.id }, { failedLogins: 0, lockedUntil: null });
      const issued = await this.sessions.open(tx, user);
      await this.audit.record(tx, {
        action: 'auth.signed-in',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, organisationId: user.organisationId, roles: user.roles },
      });
      return issued;
    });
  }

  /** The failure is committed (and audited) on its own: the refusal must not roll it back. */
  private recordFailure(user: UserEntity): Promise<Date | null> {
    return this.dataSource.transaction(async (tx) => {
      const { failedLogins, lockedUntil } = await recordFailedSignIn(tx, user.id, {
        maxFailures: this.config.LOGIN_MAX_FAILURES,
        lockoutMinutes: this.config.LOCKOUT_MINUTES,
      });
      await this.audit.record(tx, {
        action: lockedUntil ? 'auth.account-locked' : 'auth.sign-in-failed',
        subjectType: 'user',
        subjectId: user.id,
        after: { failedLogins },
        actor: null,
      });
      return lockedUntil;
    });
  }
}
