import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@craftcert/platform';
import { createSession } from '../persistence/auth-session.repository';
import type { UserEntity } from '../persistence/user.entity';
import { AccessTokens } from './access-tokens';
import { randomToken, tokenHash } from './secrets';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** The token pair a session hands out: a short-lived access token and a rotating refresh token. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for a user who just proved who they are (sign-in, invitation). */
  async open(tx: EntityManager, user: UserEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    const session = await createSession(
      tx,
      user.id,
      tokenHash(refreshToken),
      new Date(Date.now() + this.refreshTtlSeconds * 1000),
    );
    return this.issue(user, session.id, refreshToken);
  }

  issue(user: UserEntity, sessionId: string, refreshToken: string): IssuedTokens {
    return {
      accessToken: this.tokens.sign({
        userId: user.id,
        organisationId: user.organisationId,
        roles: user.roles,
        sessionId,
        passwordChangeRequired: user.passwordChangeRequired,
      }),
      refreshToken,
      accessTtlSeconds: this.tokens.ttlSeconds,
      refreshTtlSeconds: this.refreshTtlSeconds,
    };
  }

  private get refreshTtlSeconds(): number {
    return this.config.REFRESH_TOKEN_TTL_DAYS * 86400;
  }
}
