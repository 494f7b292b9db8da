import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { AppConfig, RequestValidationError } from '@craftcert/platform';
import { DeviceCookies } from '../auth/device-cookie';
import { accountHashOf, hashPassword, verifyPassword } from '../auth/secrets';
import { SignInThrottledError } from '../domain/identity.errors';
import { throttleCounters, type ThrottleCounter, ThrottleLimits } from '../domain/sign-in-throttle';
import { revokeSessionsOf } from '../persistence/auth-session.repository';
import {
  blockedUntil,
  forgetFailures,
  recordFailedAttempt,
} from '../persistence/sign-in-attempt.repository';
import { UserEntity } from '../persistence/user.entity';
import type { SignInClient } from './login.use-case';

/**
 * A signed-in user changes their own password; their other sessions end. A wrong current
 * password is a password guess like a failed sign-in, so it counts on the same throttle
 * counters (account and address) and is delayed the same way once they run out.
 */
@Injectable()
export class ChangePasswordUseCase {
  private readonly limits: ThrottleLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceCookies,
    private readonly audit: AuditLog,
    config: AppConfig,
  ) {
    this.limits = {
      perAccountAndAddress: config.LOGIN_MAX_FAILURES,
      perAccount: config.LOGIN_ACCOUNT_MAX_FAILURES,
      perAddress: config.LOGIN_ADDRESS_MAX_FAILURES,
      maxDelaySeconds: config.LOCKOUT_MINUTES * 60,
    };
  }

  async execute(
    userId: string,
    sessionId: string,
    passwords: { current: string; next: string },
    client: SignInClient,
  ): Promise<void> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    const accountHash = accountHashOf(user.email);
    const trustedDevice = this.devices.trusts(client.deviceCookie, accountHash);
    const counters = throttleCounters(
      { accountHash, address: client.address, trustedDevice },
      this.limits,
    );
    const [until, matches] = await Promise.all([
      blockedUntil(this.dataSource.manager, counters),
      verifyPassword(user.passwordHash, passwords.current),
    ]);
    if (until) {
      await this.recordRefusal(user, counters, false);
      throw new SignInThrottledError(until);
    }
    if (!matches) {
      await this.recordRefusal(user, counters, true);
      throw new RequestValidationError([
        { path: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    const passwordHash = await hashPassword(passwords.next);
    await this.dataSource.transaction(async (tx) => {
      await tx.update(UserEntity, { id: userId }, { passwordHash, passwordChangeRequired: false });
      await forgetFailures(tx, counters[0].key);
      await revokeSessionsOf(tx, userId, sessionId);
      await this.audit.record(tx, {
        action: 'user.password-changed',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }

  /** Committed (and audited) on its own, as for sign-in; a delayed attempt counts no failure. */
  private recordRefusal(
    user: UserEntity,
    counters: readonly ThrottleCounter[],
    counted: boolean,
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await recordFailedAttempt(tx, counters, {
        maxDelaySeconds: this.limits.maxDelaySeconds,
        counted,
      });
      await this.audit.record(tx, {
        action: counted ? 'user.password-change-failed' : 'user.password-change-throttled',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
  }
}
