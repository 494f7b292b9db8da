import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access/access.guard';
import { RouteCatalogue, RoutePolicyCheck } from './access/route-policy.check';
import { AccessTokens } from './auth/access-tokens';
import { SigningKey } from './auth/signing-key';
import { AuthController } from './http/auth.controller';
import { IdentityController } from './http/identity.controller';
import { AuthSessionEntity } from './persistence/auth-session.entity';
import { OneTimeTokenEntity } from './persistence/one-time-token.entity';
import { OrganisationQueries } from './persistence/organisation.queries';
import { OrganisationEntity } from './persistence/organisation.entity';
import { PlatformSecretEntity } from './persistence/platform-secret.entity';
import { UserEntity } from './persistence/user.entity';
import { BootstrapAdmin } from './use-cases/bootstrap-admin';
import { CreateOrganisationUseCase } from './use-cases/create-organisation.use-case';
import { InvitationsUseCase } from './use-cases/invitations.use-case';
import { ChangePasswordUseCase, PasswordResetUseCase } from './use-cases/password-reset.use-case';
import { SessionsUseCase } from './use-cases/sessions.use-case';

export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  AuthSessionEntity,
  OneTimeTokenEntity,
  PlatformSecretEntity,
];

/**
 * Organisations, users, sign-in and the access gate every route passes through. Imported by
 * the HTTP side only: workers act as the system, not as a user.
 */
@Module({
  imports: [DiscoveryModule, JwtModule.register({}), TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
  controllers: [AuthController, IdentityController],
  providers: [
    SigningKey,
    AccessTokens,
    { provide: APP_GUARD, useClass: AccessGuard },
    RouteCatalogue,
    RoutePolicyCheck,
    OrganisationQueries,
    SessionsUseCase,
    CreateOrganisationUseCase,
    InvitationsUseCase,
    PasswordResetUseCase,
    ChangePasswordUseCase,
    BootstrapAdmin,
  ],
  exports: [OrganisationQueries, RouteCatalogue, AccessTokens],
})
export class IdentityModule {}
