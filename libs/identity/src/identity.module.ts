import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataModule } from '@craftcert/platform';
import { AccessGuard } from './access/access.guard';
import { RouteCatalogue, RoutePolicyCheck } from './access/route-policy.check';
import { AccessTokens } from './auth/access-tokens';
import { DeviceCookies } from './auth/device-cookie';
import { SigningKey } from './auth/signing-key';
import { SessionTokens } from './auth/session-tokens';
import { IDENTITY_ENTITIES } from './entities';
import { AuthController } from './http/auth.controller';
import { InvitationsController } from './http/invitations.controller';
import { MeController } from './http/me.controller';
import { OrganisationsController } from './http/organisations.controller';
import { UsersController } from './http/users.controller';
import { OrganisationQueries } from './persistence/organisation.queries';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation.use-case';
import { BootstrapAdmin } from './use-cases/bootstrap-admin';
import { ChangePasswordUseCase } from './use-cases/change-password.use-case';
import { ConfirmPasswordResetUseCase } from './use-cases/confirm-password-reset.use-case';
import { CreateOrganisationUseCase } from './use-cases/create-organisation.use-case';
import { InviteUserUseCase } from './use-cases/invite-user.use-case';
import { LoginUseCase } from './use-cases/login.use-case';
import { LogoutUseCase } from './use-cases/logout.use-case';
import { RefreshSessionUseCase } from './use-cases/refresh-session.use-case';
import { RequestPasswordResetUseCase } from './use-cases/request-password-reset.use-case';
import { UnlockUserUseCase } from './use-cases/unlock-user.use-case';
import { ReadLinkMessageUseCase } from './use-cases/read-link-message.use-case';
import { ResolveRecipientsUseCase } from './use-cases/resolve-recipients.use-case';

/**
 * What other contexts (notifications) read about people, for any role: who receives a message
 * and the single-use links built when it is sent. No routes and no guard.
 */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), PersonalDataModule],
  providers: [ReadLinkMessageUseCase, ResolveRecipientsUseCase],
  exports: [ReadLinkMessageUseCase, ResolveRecipientsUseCase],
})
export class IdentityDirectoryModule {}

/**
 * Organisations, users, sign-in and the access gate every route passes through. Imported by
 * the HTTP side only: workers act as the system, not as a user.
 */
@Module({
  imports: [
    DiscoveryModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    PersonalDataModule,
  ],
  controllers: [
    AuthController,
    MeController,
    OrganisationsController,
    UsersController,
    InvitationsController,
  ],
  providers: [
    SigningKey,
    AccessTokens,
    { provide: APP_GUARD, useClass: AccessGuard },
    RouteCatalogue,
    RoutePolicyCheck,
    SessionTokens,
    DeviceCookies,
    OrganisationQueries,
    LoginUseCase,
    RefreshSessionUseCase,
    LogoutUseCase,
    CreateOrganisationUseCase,
    InviteUserUseCase,
    AcceptInvitationUseCase,
    RequestPasswordResetUseCase,
    ConfirmPasswordResetUseCase,
    ChangePasswordUseCase,
    UnlockUserUseCase,
    BootstrapAdmin,
  ],
  exports: [RouteCatalogue, AccessTokens],
})
export class IdentityModule {}
