import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'craftcert:access';

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
  SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessPolicy);

/** Signed-in users holding at least one of the roles. */
export const RequireRoles = (...roles: string[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessPolicy);
