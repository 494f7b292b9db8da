import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@craftcert/platform';
import type { SignedInActor } from '../auth/access-tokens';
import type { AuthenticatedRequest } from './access.guard';

/**
 * The signed-in caller of an `@Authenticated()` or `@Roles(...)` route, as the access guard
 * identified them. On a public route there is none, and asking for one is refused.
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInActor => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to use this route');
    return actor;
  },
);
