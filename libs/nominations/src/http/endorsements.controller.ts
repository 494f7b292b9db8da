import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { ListEndorsementsUseCase } from '../use-cases/list-endorsements.use-case';
import { RecordEndorsementUseCase } from '../use-cases/record-endorsement.use-case';
import { NOMINATION_READERS } from './nomination-readers';
import {
  EndorsementParams,
  NominationParams,
  RecordEndorsementRequest,
} from './nomination.request.dto';
import { EndorsementRecordResponse, EndorsementsResponse } from './nomination.response.dto';

/** The endorsements a unit records before nominating: in-unit notice, approval, seal. */
@ApiTags('nominations')
@Controller('api/nominations/:nominationId/endorsements')
export class EndorsementsController {
  constructor(
    private readonly recordEndorsement: RecordEndorsementUseCase,
    private readonly listEndorsements: ListEndorsementsUseCase,
  ) {}

  @Get()
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({ type: EndorsementsResponse })
  async list(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId }: NominationParams,
  ): Promise<EndorsementsResponse> {
    return EndorsementsResponse.from(await this.listEndorsements.execute(actor, nominationId));
  }

  @Put(':endorsementId')
  @Roles('unitNominator')
  @ApiOkResponse({ type: EndorsementRecordResponse })
  async record(
    @CurrentActor() actor: SignedInActor,
    @Param() { nominationId, endorsementId }: EndorsementParams,
    @Body() body: RecordEndorsementRequest,
  ): Promise<EndorsementRecordResponse> {
    return EndorsementRecordResponse.from(
      await this.recordEndorsement.execute(actor, nominationId, endorsementId, body),
    );
  }
}
