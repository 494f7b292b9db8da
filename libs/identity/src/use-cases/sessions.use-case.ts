import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { AppConfig, DomainError } from '@craftcert/platform';
import { AccessTokens } from '../auth/access-tokens';
import { DUMMY_PASSWORD_HASH, randomToken, tokenHash, verifyPassword } from '../auth/secrets';
import { AccountLockedError, InvalidCredentialsError } from '../domain/identity.errors';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { UserEntity } from '../persistence/user.entity';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** Sign-in, refresh-token rotation (with reuse detection) and sign-out. */
@Injectable()
export class SessionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<IssuedTokens> {
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
      const issued = await this.openSession(tx, user);
      await this.audit.record(tx, {
        action: 'auth.signed-in',
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, organisationId: user.organisationId, roles: user.roles },
      });
      return issued;
    });
  }

  /** Rotates the refresh token. A replayed old token revokes the whole session: it was stolen. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const presented = tokenHash(refreshToken);
    return this.dataSource
      .transaction(async (tx) => {
        const session = await tx.findOne(AuthSessionEntity, {
          where: [{ refreshHash: presented }, { previousRefreshHash: presented }],
          lock: { mode: 'pessimistic_write' },
        });
        if (!session || session.revokedAt || session.expiresAt <= new Date())
          throw unauthenticated();
        const user = await tx.findOneByOrFail(UserEntity, { id: session.userId });
        if (session.refreshHash !== presented && rotatedJustNow(session.rotatedAt)) {
          // Two tabs refreshing at once: the loser gets a 401, the session lives on.
          throw unauthenticated();
        }
        if (session.refreshHash !== presented) {
          await tx.update(AuthSessionEntity, { id: session.id }, { revokedAt: new Date() });
          await this.audit.record(tx, {
            action: 'auth.refresh-token-reused',
            subjectType: 'auth_session',
            subjectId: session.id,
            actor: null,
          });
          return { revoked: true } as const;
        }
        if (user.disabledAt) throw unauthenticated();
        const next = randomToken();
        await tx.update(
          AuthSessionEntity,
          { id: session.id },
          { refreshHash: tokenHash(next), previousRefreshHash: presented, rotatedAt: new Date() },
        );
        return this.issue(user, session.id, next);
      })
      .then((result) => {
        // The revocation must commit, so the refusal is thrown after the transaction.
        if ('revoked' in result) throw unauthenticated();
        return result;
      });
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const result = await tx.update(
        AuthSessionEntity,
        { id: sessionId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        { revokedAt: new Date() },
      );
      if (result.affected) {
        await this.audit.record(tx, {
          action: 'auth.signed-out',
          subjectType: 'auth_session',
          subjectId: sessionId,
        });
      }
    });
  }

  /** Opens a session for a user who just proved who they are (sign-in, invitation, reset). */
  async openSession(tx: EntityManager, user: UserEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    const session = await tx.save(
      tx.create(AuthSessionEntity, {
        userId: user.id,
        refreshHash: tokenHash(refreshToken),
        previousRefreshHash: null,
        rotatedAt: null,
        expiresAt: new Date(Date.now() + this.refreshTtlSeconds * 1000),
        revokedAt: null,
      }),
    );
    return this.issue(user, session.id, refreshToken);
  }

  private get refreshTtlSeconds(): number {
    return this.config.REFRESH_TOKEN_TTL_DAYS * 86400;
  }

  private issue(user: UserEntity, sessionId: string, refreshToken: string): IssuedTokens {
    return {
      accessToken: this.tokens.sign({
        userId: user.id,
        organisationId: user.organisationId,
        roles: user.roles,
        sessionId,
      }),
      refreshToken,
      accessTtlSeconds: this.tokens.ttlSeconds,
      refreshTtlSeconds: this.refreshTtlSeconds,
    };
  }

  /**
   * Counts a failure atomically and locks the account once the limit is reached. A lock is never
   * lifted by a later failure (concurrent attempts cannot unlock it); once a lock has expired,
   * counting starts again.
   */
  private async recordFailure(user: UserEntity): Promise<Date | null> {
    // Every expression in an UPDATE sees the row's old values: NEW_COUNT is the count after this failure.
    const newCount = 'CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END';
    return this.dataSource.transaction(async (tx) => {
      const { raw } = await tx
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          failedLogins: () => newCount,
          lockedUntil: () =>
            `CASE WHEN ${newCount} >= :max THEN GREATEST(locked_until, now() + make_interval(mins => :minutes))
                  WHEN locked_until <= now() THEN NULL
                  ELSE locked_until END`,
        })
        .where('id = :id', {
          id: user.id,
          max: this.config.LOGIN_MAX_FAILURES,
          minutes: this.config.LOCKOUT_MINUTES,
        })
        .returning('failed_logins, locked_until')
        .execute();
      const row = (raw as { failed_logins: number; locked_until: Date | null }[])[0];
      const locked = row?.locked_until && row.locked_until > new Date() ? row.locked_until : null;
      await this.audit.record(tx, {
        action: locked ? 'auth.account-locked' : 'auth.sign-in-failed',
        subjectType: 'user',
        subjectId: user.id,
        after: { failedLogins: row?.failed_logins },
        actor: null,
      });
      return locked;
    });
  }
}

// Long enough for requests racing from one browser, far too short to be useful to a thief.
const ROTATION_GRACE_MS = 10_000;
const rotatedJustNow = (rotatedAt: Date | null) =>
  rotatedAt !== null && Date.now() - rotatedAt.getTime() < ROTATION_GRACE_MS;

const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', 'The session has ended: sign in again');
