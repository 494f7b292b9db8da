import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

export const ACCESS_METADATA = 'craftcert:access';

/** The OpenAPI security scheme: the accessToken from POST /api/auth/login as a bearer token. */
export const BEARER_SCHEME = 'bearer';

/**
 * Every route declares one of these; a route without one stops the application from starting.
 * The identity context enforces them (and offers a `Roles` decorator typed to its roles).
 */
export type AccessPolicy =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly string[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in user; the handler narrows further by resource scope. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessPolicy),
    ApiBearerAuth(BEARER_SCHEME),
  );

/** Signed-in users holding at least one of the roles. */
export const RequireRoles = (...roles: string[]) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessPolicy),
    // The OpenAPI document says which routes need a sign-in, so Swagger UI's Authorize applies.
    ApiBearerAuth(BEARER_SCHEME),
  );
