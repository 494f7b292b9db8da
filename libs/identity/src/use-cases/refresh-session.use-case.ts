import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DomainError } from '@craftcert/platform';
import { randomToken, tokenHash } from '../auth/secrets';
import { IssuedTokens, SessionTokens } from '../auth/session-tokens';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { lockSessionByRefreshHash } from '../persistence/auth-session.repository';
import { UserEntity } from '../persistence/user.entity';

// Long enough for requests racing from one browser, far too short to be useful to a thief.
const ROTATION_GRACE_MS = 10_000;
const rotatedJustNow = (rotatedAt: Date | null) =>
  rotatedAt !== null && Date.now() - rotatedAt.getTime() < ROTATION_GRACE_MS;

const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', 'The session has ended: sign in again');

/** Rotates the refresh token. A replayed old token revokes the whole session: it was stolen. */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionTokens,
    private readonly audit: AuditLog,
  ) {}

  async execute(refreshToken: string): Promise<IssuedTokens> {
    const presented = tokenHash(refreshToken);
    const result = await this.dataSource.transaction(async (tx) => {
      const session = await lockSessionByRefreshHash(tx, presented);
      if (!session || session.revokedAt || session.expiresAt <= new Date()) throw unauthenticated();
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
      return this.sessions.issue(user, session.id, next);
    });
    // The revocation must commit, so the refusal is thrown after the transaction.
    if ('revoked' in result) throw unauthenticated();
    return result;
  }
}
