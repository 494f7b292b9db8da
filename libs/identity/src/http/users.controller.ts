import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { OrganisationQueries } from '../persistence/organisation.queries';
import { UserResponse } from './identity.response.dto';

/** Staff accounts within the caller's organisation scope. */
@ApiTags('identity')
@Controller('api/users')
export class UsersController {
  constructor(private readonly queries: OrganisationQueries) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor', 'unitApprover')
  @ApiOkResponse({ type: [UserResponse] })
  async users(@CurrentActor() actor: SignedInActor): Promise<UserResponse[]> {
    return (await this.queries.listUsers(actor)).map((u) => UserResponse.from(u));
  }
}
