import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../access/access.decorators';
import type { AuthenticatedRequest } from '../access/access.guard';
import { OrganisationQueries } from '../persistence/organisation.queries';
import { CreateOrganisationUseCase } from '../use-cases/create-organisation.use-case';
import { Invitation, InvitationsUseCase } from '../use-cases/invitations.use-case';
import { ChangePasswordUseCase } from '../use-cases/password-reset.use-case';
import {
  ChangePasswordRequest,
  CreateOrganisationRequest,
  InviteUserRequest,
  OrganisationParams,
} from './identity.request.dto';
import { OrganisationResponse, UserResponse } from './identity.response.dto';

@ApiTags('identity')
@Controller('api')
export class IdentityController {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly createOrganisation: CreateOrganisationUseCase,
    private readonly invitations: InvitationsUseCase,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Get('me')
  @Authenticated()
  async me(@Req() request: AuthenticatedRequest): Promise<UserResponse> {
    return UserResponse.from(await this.queries.user(request.actor!.userId));
  }

  @Post('me/password')
  @Authenticated()
  @HttpCode(204)
  async password(
    @Req() request: AuthenticatedRequest,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    const { userId, sessionId } = request.actor!;
    await this.changePassword.execute(userId, sessionId, body.currentPassword, body.newPassword);
  }

  @Post('organisations')
  @Roles('secretariatAdmin')
  async create(@Body() body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.createOrganisation.execute(body));
  }

  @Get('organisations')
  @Authenticated()
  async organisations(@Req() request: AuthenticatedRequest): Promise<OrganisationResponse[]> {
    return (await this.queries.listOrganisations(request.actor!)).map((o) =>
      OrganisationResponse.from(o),
    );
  }

  @Get('organisations/:organisationId')
  @Authenticated()
  async organisation(
    @Req() request: AuthenticatedRequest,
    @Param() { organisationId }: OrganisationParams,
  ): Promise<OrganisationResponse> {
    return OrganisationResponse.from(
      await this.queries.organisation(request.actor!, organisationId),
    );
  }

  @Get('users')
  @Roles('secretariatAdmin', 'auditor', 'unitApprover')
  async users(@Req() request: AuthenticatedRequest): Promise<UserResponse[]> {
    return (await this.queries.listUsers(request.actor!)).map((u) => UserResponse.from(u));
  }

  @Post('invitations')
  @Roles('secretariatAdmin')
  invite(
    @Req() request: AuthenticatedRequest,
    @Body() body: InviteUserRequest,
  ): Promise<Invitation> {
    return this.invitations.invite(body, request.actor!.userId);
  }
}
