import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { RankNominationsUseCase } from '../use-cases/rank-nominations.use-case';
import { EditionParams, RankRequest } from './nomination.request.dto';

/** A union's ranking of its units' nominations in one channel of an edition. */
@ApiTags('nominations')
@Controller('api/editions/:editionId/rankings')
export class RankingsController {
  constructor(private readonly rankNominations: RankNominationsUseCase) {}

  @Put()
  @Roles('unitApprover')
  @HttpCode(204)
  @ApiNoContentResponse()
  async rank(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Body() body: RankRequest,
  ): Promise<void> {
    await this.rankNominations.execute(actor, editionId, body.channelId, body.order);
  }
}
