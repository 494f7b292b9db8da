import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@craftcert/identity';
import { RecordAwardUseCase } from '../use-cases/record-award.use-case';
import { RecordAwardRequest } from './nomination.request.dto';
import { AwardResponse } from './nomination.response.dto';

/** Past awards, so repeat-winner bans and prior-award rules apply. */
@ApiTags('nominations')
@Controller('api/awards')
export class AwardsController {
  constructor(private readonly recordAward: RecordAwardUseCase) {}

  @Post()
  @Roles('secretariatAdmin')
  @ApiCreatedResponse({ type: AwardResponse })
  async record(@Body() body: RecordAwardRequest): Promise<AwardResponse> {
    return AwardResponse.from(await this.recordAward.execute(body));
  }
}
