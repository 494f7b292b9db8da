import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { AppConfig } from '@craftcert/platform';
import { DeviceCookies } from '../auth/device-cookie';
import { accountHashOf, DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/secrets';
import { IssuedTokens, SessionTokens } from '../auth/session-tokens';
import { InvalidCredentialsError, SignInThrottledError } from '../domain/identity.errors';
import { throttleCounters, type ThrottleCounter, ThrottleLimits } from '../domain/sign-in-throttle';
import {
  blockedUntil,
  forgetFailures,
  recordFailedAttempt,
} from '../persistence/sign-in-attempt.repository';
import { UserEntity } from '../persistence/user.entity';

export interface SignInClient {
  /** The caller's address, as the rate limits see it. */
  address: string;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string;
}

export interface SignedIn {
  tokens: IssuedTokens;
  /** A fresh device cookie for this account (see DeviceCookies). */
  deviceCookie: string;
}

/**
 * Sign-in with e-mail and password, throttled by account and address with growing delays (see
 * domain/sign-in-throttle.ts). Unknown, disabled, wrong and throttled attempts do the same work —
 * a throttle look-up, a user look-up, one argon2 verification (against a dummy hash when there
 * is no account), a committed write — and unknown and wrong ones answer alike.
 */
@Injectable()
export class LoginUseCase {
  private readonly limits: ThrottleLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionTokens,
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

  async execute(email: string, password: string, client: SignInClient): Promise<SignedIn> {
    const accountHash = accountHashOf(email);
    const trustedDevice = this.devices.trusts(client.deviceCookie, accountHash);
    const counters = throttleCounters(
      { accountHash, address: client.address, trustedDevice },
      this.limits,
    );
    const [until, found] = await Promise.all([
      blockedUntil(this.dataSource.manager, counters),
      this.dataSource.manager.findOneBy(UserEntity, { email: email.toLowerCase() }),
    ]);
    const user = found && !found.disabledAt ? found : null;
    // Always exactly one verification, so no path answers faster than another.
    const matches = await verifyPassword(
      user?.passwordHash ?? (await DUMMY_PASSWORD_HASH),
      password,
    );
    if (until) {
      await this.recordRefusal('auth.sign-in-throttled', user, counters);
      throw new SignInThrottledError(until);
    }
    if (!user || !matches) {
      await this.recordRefusal('auth.sign-in-failed', user, counters);
      throw new InvalidCredentialsError();
    }
    return this.dataSource.transaction(async (tx) => {
      await forgetFailures(tx, counters[0].key);
      const tokens = await this.sessions.open(tx, user);
      await this.audit.record(tx, {
        action: 'auth.signed-in',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, organisationId: user.organisationId, roles: user.roles },
      });
      return { tokens, deviceCookie: this.devices.issue(accountHash) };
    });
  }

  /** Committed (and audited) on its own: the refusal must not roll it back. */
  private recordRefusal(
    action: 'auth.sign-in-failed' | 'auth.sign-in-throttled',
    user: UserEntity | null,
    counters: readonly ThrottleCounter[],
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await recordFailedAttempt(tx, counters, {
        maxDelaySeconds: this.limits.maxDelaySeconds,
        // Refused unjudged: the same statements run, but no counter grows.
        counted: action === 'auth.sign-in-failed',
      });
      await this.audit.record(tx, {
        action,
        subjectType: 'user',
        subjectId: user?.id ?? null,
        actor: null,
      });
    });
  }
}
