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
  /** Present (true) while the user must change a generated password first. */
  pcr?: true;
  exp: number;
}

// Verifying an HS256 signature with jsonwebtoken costs ~0.4 ms, more than the rest of a typical
// read; a session sends the same token many times, so verified tokens are remembered until
// they expire. The key is the whole token, signature included, so a cache hit proves nothing
// was altered.
const VERIFIED_CACHE_SIZE = 10_000;

export interface SignedInActor extends Actor {
  roles: readonly Role[];
  sessionId: string;
  passwordChangeRequired?: boolean;
}

/**
 * Short-lived signed access tokens. Verifying one needs no database round trip, which keeps
 * authorised reads nearly as fast as public ones; revocation takes effect within the TTL.
 */
@Injectable()
export class AccessTokens {
  private readonly verified = new Map<string, { actor: SignedInActor; expiresAtMs: number }>();

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
    passwordChangeRequired?: boolean;
  }): string {
    const claims: Omit<AccessClaims, 'exp'> = {
      sub: actor.userId,
      org: actor.organisationId,
      roles: [...actor.roles],
      sid: actor.sessionId,
      ...(actor.passwordChangeRequired ? { pcr: true as const } : {}),
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
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expiresAtMs > Date.now()) return hit.actor;
      this.verified.delete(token);
    }
    const actor = this.verifySignature(token);
    if (actor) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) {
        // Maps iterate in insertion order: drop the oldest entry.
        this.verified.delete(this.verified.keys().next().value!);
      }
      this.verified.set(token, actor);
    }
    return actor?.actor;
  }

  private verifySignature(
    token: string,
  ): { actor: SignedInActor; expiresAtMs: number } | undefined {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, {
        secret: this.key.secret,
        algorithms: ['HS256'],
        issuer: 'craftcert',
      });
      const actor = {
        userId: claims.sub,
        organisationId: claims.org,
        roles: claims.roles,
        sessionId: claims.sid,
        passwordChangeRequired: claims.pcr === true,
      };
      return { actor, expiresAtMs: claims.exp * 1000 };
    } catch {
      return undefined;
    }
  }
}
