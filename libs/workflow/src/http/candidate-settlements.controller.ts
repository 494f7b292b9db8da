import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { SettleCandidateUseCase } from '../use-cases/settle-candidate.use-case';
import { CandidateParams, SettleCandidateRequest } from './workflow.request.dto';
import { SettlementResponse } from './workflow.response.dto';

/** The secretariat settles a candidate the join rule escalated to it when time ran out. */
@ApiTags('workflow')
@Controller('api/editions/:editionId/workflow/stages/:stageId/candidates/:nominationId')
export class CandidateSettlementsController {
  constructor(private readonly settleCandidate: SettleCandidateUseCase) {}

  @Post('settlement')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Pass or fail one escalated candidate, with a reason; the outcome then stands',
  })
  @ApiOkResponse({ type: SettlementResponse })
  @ApiBadRequestResponse({ description: 'A bad status or reason' })
  @ApiNotFoundResponse({ description: 'No such stage, or the nomination is not in it' })
  @ApiConflictResponse({ description: 'Not escalated, already settled, or the stage has closed' })
  async settle(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId, nominationId }: CandidateParams,
    @Body() body: SettleCandidateRequest,
  ): Promise<SettlementResponse> {
    const { status, explanation } = await this.settleCandidate.execute(actor.userId, {
      editionId,
      stageId,
      nominationId,
      ...body,
    });
    return { status, explanation };
  }
}
