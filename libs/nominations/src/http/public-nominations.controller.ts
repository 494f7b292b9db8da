import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@craftcert/identity';
import { CredentialRoute } from '@craftcert/platform';
import { ConfirmRefereeUseCase } from '../use-cases/confirm-referee.use-case';
import { SubmitPublicNominationUseCase } from '../use-cases/submit-public-nomination.use-case';
import {
  EditionParams,
  PublicNominationRequest,
  RefereeConfirmationRequest,
} from './nomination.request.dto';
import { PublicNominationResponse, RefereeConfirmationResponse } from './nomination.response.dto';

/** The public's way in: self-nomination or recommendation, vouched for by referees. */
@ApiTags('public')
@Public()
@Controller('api')
export class PublicNominationsController {
  constructor(
    private readonly submitPublicNominationUseCase: SubmitPublicNominationUseCase,
    private readonly confirmRefereeUseCase: ConfirmRefereeUseCase,
  ) {}

  @Post('editions/:editionId/public-nominations')
  @CredentialRoute()
  @ApiCreatedResponse({ type: PublicNominationResponse })
  async submitPublicNomination(
    @Param() { editionId }: EditionParams,
    @Body() body: PublicNominationRequest,
  ): Promise<PublicNominationResponse> {
    return PublicNominationResponse.from(
      await this.submitPublicNominationUseCase.execute(editionId, body),
    );
  }

  @Post('referee-confirmations')
  @CredentialRoute()
  @HttpCode(200)
  @ApiOkResponse({ type: RefereeConfirmationResponse })
  async confirmReferee(
    @Body() body: RefereeConfirmationRequest,
  ): Promise<RefereeConfirmationResponse> {
    return RefereeConfirmationResponse.from(await this.confirmRefereeUseCase.execute(body.token));
  }
}
