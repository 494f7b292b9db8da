import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, RequestContext } from '@craftcert/platform';
import { AccessTokens, SignedInActor } from '../auth/access-tokens';
import { ACCESS_COOKIE } from '../auth/cookies';
import { ACCESS_METADATA, AccessPolicy, BEFORE_PASSWORD_CHANGE } from './access.decorators';

export type AuthenticatedRequest = FastifyRequest & { actor?: SignedInActor };

/**
 * The single gate for every route: reads the route's declared policy, identifies the caller
 * from a bearer token or the session cookie, and refuses with 401 (who are you?) or 403 (not
 * for your role). Scope checks on particular resources happen in the use cases.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = this.identify(request);
    if (actor) {
      request.actor = actor;
      RequestContext.setActor(actor);
    }
    // Deny by default: the startup check makes a missing policy impossible, this is belt and braces.
    if (!policy) throw new DomainError('FORBIDDEN', 'This route declares no access policy');
    if (policy.kind === 'public') return true;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route');
    if (actor.passwordChangeRequired && !this.allowedBeforePasswordChange(context)) {
      throw new DomainError(
        'PASSWORD_CHANGE_REQUIRED',
        'Change the generated password first (POST /api/me/password), then refresh the session',
      );
    }
    if (policy.kind === 'roles' && !actor.roles.some((r) => policy.roles.includes(r))) {
      throw new DomainError('FORBIDDEN', 'Your role does not allow this');
    }
    return true;
  }

  private allowedBeforePasswordChange(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }

  private identify(request: AuthenticatedRequest): SignedInActor | undefined {
    return identifyCaller(this.tokens, request);
  }
}

/** The caller of a request, from its bearer token or else its session cookie. */
export function identifyCaller(
  tokens: AccessTokens,
  request: FastifyRequest,
): SignedInActor | undefined {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length)
    : (request.cookies as Record<string, string | undefined> | undefined)?.[ACCESS_COOKIE];
  return token ? tokens.verify(token) : undefined;
}
