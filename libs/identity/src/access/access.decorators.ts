import { SetMetadata } from '@nestjs/common';
import { RequireRoles } from '@craftcert/platform';
import type { Role } from '../domain/roles';

export { ACCESS_METADATA, Authenticated, Public, type AccessPolicy } from '@craftcert/platform';

export const BEFORE_PASSWORD_CHANGE = 'craftcert:allowed-before-password-change';

/**
 * A route a user who must first change a generated password may still use (reading their own
 * account, changing the password, signing out); every other one answers 403.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** Signed-in users holding at least one of the roles. */
export const Roles = (...roles: Role[]) => RequireRoles(...roles);
