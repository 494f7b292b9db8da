import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { InviteUserUseCase } from '../use-cases/invite-user.use-case';
import { InviteUserRequest } from './identity.request.dto';
import { InvitationResponse } from './identity.response.dto';

/** Invitations: the admin invites staff by e-mail (accepting one is an auth route). */
@ApiTags('identity')
@Controller('api/invitations')
export class InvitationsController {
  constructor(private readonly inviteUser: InviteUserUseCase) {}

  @Post()
  @Roles('secretariatAdmin')
  @ApiCreatedResponse({ type: InvitationResponse })
  async invite(
    @CurrentActor() actor: SignedInActor,
    @Body() body: InviteUserRequest,
  ): Promise<InvitationResponse> {
    return InvitationResponse.from(await this.inviteUser.execute(body, actor.userId));
  }
}
