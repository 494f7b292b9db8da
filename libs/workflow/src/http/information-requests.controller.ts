import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { uploadedFile } from '@craftcert/nominations';
import { AnswerInformationRequestUseCase } from '../use-cases/answer-information-request.use-case';
import { AttachRequestEvidenceUseCase } from '../use-cases/attach-request-evidence.use-case';
import { ListInformationRequestsUseCase } from '../use-cases/list-information-requests.use-case';
import { AnswerEvidenceQuery, AnswerRequest, RequestParams } from './workflow.request.dto';
import { AnswerEvidenceResponse, OpenInformationRequestResponse } from './workflow.response.dto';

/** Nominating units answer departments' requests for more information. */
@ApiTags('workflow')
@Controller('api/information-requests')
export class InformationRequestsController {
  constructor(
    private readonly listRequests: ListInformationRequestsUseCase,
    private readonly answerRequest: AnswerInformationRequestUseCase,
    private readonly attachEvidence: AttachRequestEvidenceUseCase,
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

  @Post(':requestId/evidence')
  @Roles('unitNominator', 'unitApprover')
  @ApiOperation({
    summary:
      'Send an evidence file with the answer, before answering (checked as dossier evidence is)',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: AnswerEvidenceResponse })
  @ApiBadRequestResponse({ description: 'Not a kind of the definition, a bad format or size' })
  @ApiNotFoundResponse({ description: 'No such request for this unit' })
  @ApiConflictResponse({ description: 'Already answered, or too many files of that kind' })
  async evidence(
    @CurrentActor() actor: SignedInActor,
    @Param() { requestId }: RequestParams,
    @Query() query: AnswerEvidenceQuery,
    @Body() body: unknown,
  ): Promise<AnswerEvidenceResponse> {
    const bytes = uploadedFile(
      body,
      'send the file itself as the request body (e.g. Content-Type: application/octet-stream)',
    );
    const file = await this.attachEvidence.execute(actor, requestId, { ...query, bytes });
    return {
      id: file.id,
      kind: file.kind,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedAt: file.createdAt,
    };
  }
}
