import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowedBeforePasswordChange, Authenticated } from '../access/access.decorators';
import type { AuthenticatedRequest } from '../access/access.guard';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { DEVICE_COOKIE } from '../auth/device-cookie';
import { OrganisationQueries } from '../persistence/organisation.queries';
import { ChangePasswordUseCase } from '../use-cases/change-password.use-case';
import { ChangePasswordRequest } from './identity.request.dto';
import { UserResponse } from './identity.response.dto';

/** The caller's own account. */
@ApiTags('identity')
@Controller('api/me')
export class MeController {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly changePasswordUseCase: ChangePasswordUseCase,
  ) {}

  @Get()
  @Authenticated()
  @AllowedBeforePasswordChange()
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentActor() actor: SignedInActor): Promise<UserResponse> {
    return UserResponse.from(await this.queries.user(actor.userId));
  }

  @Post('password')
  @Authenticated()
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  async changePassword(
    @CurrentActor() actor: SignedInActor,
    @Body() body: ChangePasswordRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.changePasswordUseCase.execute(
      actor.userId,
      actor.sessionId,
      { current: body.currentPassword, next: body.newPassword },
      {
        address: request.ip,
        deviceCookie: (request.cookies as Record<string, string | undefined>)[DEVICE_COOKIE],
      },
    );
  }
}
