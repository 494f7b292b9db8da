import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { AnswerInformationRequestUseCase } from '../use-cases/answer-information-request.use-case';
import { ListInformationRequestsUseCase } from '../use-cases/list-information-requests.use-case';
import { AnswerRequest, RequestParams } from './workflow.request.dto';
import { OpenInformationRequestResponse } from './workflow.response.dto';

/** Nominating units answer departments' requests for more information. */
@ApiTags('workflow')
@Controller('api/information-requests')
export class InformationRequestsController {
  constructor(
    private readonly listRequests: ListInformationRequestsUseCase,
    private readonly answerRequest: AnswerInformationRequestUseCase,
  ) {}

  @Get()
  @Roles('unitNominator', 'unitApprover')
  @ApiOperation({ summary: "The unit's unanswered requests, soonest due first" })
  @ApiOkResponse({ type: [OpenInformationRequestResponse] })
  list(@CurrentActor() actor: SignedInActor): Promise<OpenInformationRequestResponse[]> {
    return this.listRequests.execute(actor);
  }

  @Post(':requestId/answer')
  @HttpCode(204)
  @Roles('unitNominator', 'unitApprover')
  @ApiOperation({
    summary: 'Answer a request; the department’s task resumes and its clock restarts',
  })
  @ApiNoContentResponse({ description: 'Answered' })
  @ApiBadRequestResponse({ description: 'Bad body' })
  @ApiNotFoundResponse({ description: 'No such request for this unit' })
  @ApiConflictResponse({ description: 'Already answered, superseded, or the stage has closed' })
  async answer(
    @CurrentActor() actor: SignedInActor,
    @Param() { requestId }: RequestParams,
    @Body() body: AnswerRequest,
  ): Promise<void> {
    await this.answerRequest.execute(actor, requestId, body.answer);
  }
}
