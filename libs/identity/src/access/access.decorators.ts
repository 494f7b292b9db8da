import { RequireRoles } from '@craftcert/platform';
import type { Role } from '../domain/roles';

export { ACCESS_METADATA, Authenticated, Public, type AccessPolicy } from '@craftcert/platform';

/** Signed-in users holding at least one of the roles. */
export const Roles = (...roles: Role[]) => RequireRoles(...roles);
