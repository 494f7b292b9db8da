import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@craftcert/platform';
import { AppConfig } from '@craftcert/platform';
import type { Role } from '../domain/roles';
import { SigningKey } from './signing-key';

interface AccessClaims {
  sub: string;
  org: string;
  roles: Role[];
  sid: string;
}

export interface SignedInActor extends Actor {
  roles: readonly Role[];
  sessionId: string;
}

/**
 * Short-lived signed access tokens. Verifying one needs no database round trip, which keeps
 * authorised reads nearly as fast as public ones; revocation takes effect within the TTL.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly key: SigningKey,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(actor: {
    userId: string;
    organisationId: string;
    roles: readonly Role[];
    sessionId: string;
  }): string {
    const claims: AccessClaims = {
      sub: actor.userId,
      org: actor.organisationId,
      roles: [...actor.roles],
      sid: actor.sessionId,
    };
    return this.jwt.sign(claims, {
      secret: this.key.secret,
      algorithm: 'HS256',
      expiresIn: this.ttlSeconds,
      issuer: 'craftcert',
    });
  }

  /** The actor, or undefined for a token that is malformed, forged or expired. */
  verify(token: string): SignedInActor | undefined {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.key.secret,
        algorithms: ['HS256'],
        issuer: 'craftcert',
      });
      return {
        userId: claims.sub,
        organisationId: claims.org,
        roles: claims.roles,
        sessionId: claims.sid,
      };
    } catch {
      return undefined;
    }
  }
}
