import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, RequestContext } from '@craftcert/platform';
import { AccessTokens, SignedInActor } from '../auth/access-tokens';
import { ACCESS_COOKIE } from '../auth/cookies';
import { ACCESS_METADATA, AccessPolicy, BEFORE_PASSWORD_CHANGE } from './access.decorators';

interface RouteRules {
  policy: AccessPolicy | undefined;
  beforePasswordChange: boolean;
}

export type AuthenticatedRequest = FastifyRequest & { actor?: SignedInActor };

/**
 * The single gate for every route: reads the route's declared policy, identifies the caller
 * from a bearer token or the session cookie, and refuses with 401 (who are you?) or 403 (not
 * for your role). Scope checks on particular resources happen in the use cases.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Per controller class, per handler (a handler may be inherited by several controllers). */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const { policy, beforePasswordChange } = this.routeRules(context);
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
    if (actor.passwordChangeRequired && !beforePasswordChange) {
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

  /**
   * A route's declared policy, read once per handler: metadata is fixed when the module loads,
   * and reading it walks the prototype chains of handler and class on every call.
   */
  private routeRules(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.rules.get(controller);
    if (!byHandler) this.rules.set(controller, (byHandler = new WeakMap()));
    let rules = byHandler.get(handler);
    if (!rules) {
      const targets = [handler, controller];
      rules = {
        policy: this.reflector.getAllAndOverride<AccessPolicy | undefined>(
          ACCESS_METADATA,
          targets,
        ),
        beforePasswordChange:
          this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE, targets) ===
          true,
      };
      byHandler.set(handler, rules);
    }
    return rules;
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
