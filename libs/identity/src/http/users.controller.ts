import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { OrganisationQueries } from '../persistence/organisation.queries';
import { UnlockUserUseCase } from '../use-cases/unlock-user.use-case';
import { UserParams } from './identity.request.dto';
import { UserResponse } from './identity.response.dto';

/** Staff accounts within the caller's organisation scope. */
@ApiTags('identity')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly unlockUser: UnlockUserUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor', 'unitApprover')
  @ApiOkResponse({ type: [UserResponse] })
  async users(@CurrentActor() actor: SignedInActor): Promise<UserResponse[]> {
    return (await this.queries.listUsers(actor)).map((u) => UserResponse.from(u));
  }

  @Post(':userId/unlock')
  @Roles('secretariatAdmin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Clears the account's sign-in delays (audited)" })
  async unlock(@Param() { userId }: UserParams): Promise<void> {
    await this.unlockUser.execute(userId);
  }
}
