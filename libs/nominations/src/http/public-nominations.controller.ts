import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CredentialRoute, Public } from '@craftcert/platform';
import { PublicChannelsUseCase } from '../use-cases/public-channels.use-case';
import {
  EditionParams,
  PublicNominationRequest,
  RefereeConfirmationRequest,
  TipOffRequest,
} from './nomination.request.dto';

/** The public's ways in: self-nomination or recommendation with referees, and tip-offs. */
@ApiTags('public')
@Public()
@Controller('api')
export class PublicNominationsController {
  constructor(private readonly channels: PublicChannelsUseCase) {}

  @Post('editions/:editionId/public-nominations')
  @CredentialRoute()
  async nominate(@Param() { editionId }: EditionParams, @Body() body: PublicNominationRequest) {
    const nomination = await this.channels.nominate(editionId, body);
    return {
      id: nomination.id,
      status: nomination.status,
      eligible: nomination.eligible,
      eligibility: nomination.eligibility,
    };
  }

  @Post('referee-confirmations')
  @CredentialRoute()
  @HttpCode(200)
  confirm(@Body() body: RefereeConfirmationRequest) {
    return this.channels.confirmReferee(body.token);
  }

  @Post('editions/:editionId/tip-offs')
  @CredentialRoute()
  tipOff(@Param() { editionId }: EditionParams, @Body() body: TipOffRequest) {
    return this.channels.tipOff(editionId, body);
  }
}
