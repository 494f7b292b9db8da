import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { ListExpertAssignmentsUseCase } from '../use-cases/list-expert-assignments.use-case';
import { ReadAssignmentDossierUseCase } from '../use-cases/read-assignment-dossier.use-case';
import { ReopenExpertMarksUseCase } from '../use-cases/reopen-expert-marks.use-case';
import { SaveExpertMarksUseCase } from '../use-cases/save-expert-marks.use-case';
import { SwapExpertUseCase } from '../use-cases/swap-expert.use-case';
import {
  AssignmentParams,
  AssignmentsQuery,
  MarksRequest,
  ReasonRequest,
  SwapExpertRequest,
} from './scoring.request.dto';
import {
  AssignmentDossierResponse,
  ExpertAssignmentResponse,
  MarksResultResponse,
  ReopenResponse,
  SwapResponse,
} from './scoring.response.dto';

/** Experts' scoring work: their assignments, the (blind) dossier, draft marks and submission. */
@ApiTags('scoring')
@Controller('api/expert-assignments')
export class ExpertAssignmentsController {
  constructor(
    private readonly list: ListExpertAssignmentsUseCase,
    private readonly readDossier: ReadAssignmentDossierUseCase,
    private readonly saveMarks: SaveExpertMarksUseCase,
    private readonly reopenMarks: ReopenExpertMarksUseCase,
    private readonly swapExpert: SwapExpertUseCase,
  ) {}

  @Get()
  @Roles('expert')
  @ApiOperation({ summary: "The caller's own scoring assignments" })
  @ApiOkResponse({ type: [ExpertAssignmentResponse] })
  @ApiBadRequestResponse({ description: 'A bad filter' })
  mine(
    @CurrentActor() actor: SignedInActor,
    @Query() query: AssignmentsQuery,
  ): Promise<ExpertAssignmentResponse[]> {
    return this.list.execute(actor, query.editionId);
  }

  @Get(':assignmentId/dossier')
  @Roles('expert')
  @ApiOperation({
    summary:
      'The dossier to score and the items to mark; blind stages leave out identifying fields',
  })
  @ApiOkResponse({ type: AssignmentDossierResponse })
  @ApiNotFoundResponse({ description: 'No such assignment, or not yours' })
  dossier(
    @CurrentActor() actor: SignedInActor,
    @Param() { assignmentId }: AssignmentParams,
  ): Promise<AssignmentDossierResponse> {
    return this.readDossier.execute(actor, assignmentId);
  }

  @Put(':assignmentId/marks')
  @Roles('expert')
  @ApiOperation({ summary: 'Save draft marks (changeable until submitted)' })
  @ApiOkResponse({ type: MarksResultResponse })
  @ApiBadRequestResponse({ description: 'A mark outside its item’s range, or no such item' })
  @ApiNotFoundResponse({ description: 'No such assignment, or not yours' })
  @ApiConflictResponse({ description: 'Already submitted, or the stage has closed' })
  draft(
    @CurrentActor() actor: SignedInActor,
    @Param() { assignmentId }: AssignmentParams,
    @Body() body: MarksRequest,
  ): Promise<MarksResultResponse> {
    return this.saveMarks.execute(actor, assignmentId, body.marks, false);
  }

  @Post(':assignmentId/submit')
  @HttpCode(200)
  @Roles('expert')
  @ApiOperation({ summary: 'Submit the marks (every judged item); final unless reopened' })
  @ApiOkResponse({ type: MarksResultResponse })
  @ApiBadRequestResponse({ description: 'A mark missing or outside its item’s range' })
  @ApiNotFoundResponse({ description: 'No such assignment, or not yours' })
  @ApiConflictResponse({ description: 'Already submitted, or the stage has closed' })
  submit(
    @CurrentActor() actor: SignedInActor,
    @Param() { assignmentId }: AssignmentParams,
    @Body() body: MarksRequest,
  ): Promise<MarksResultResponse> {
    return this.saveMarks.execute(actor, assignmentId, body.marks, true);
  }

  @Post(':assignmentId/reopen')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "Reopen an expert's submitted marks, with a reason" })
  @ApiOkResponse({ type: ReopenResponse })
  @ApiNotFoundResponse({ description: 'No such assignment' })
  @ApiConflictResponse({ description: 'Not submitted, or the stage has closed' })
  reopen(
    @Param() { assignmentId }: AssignmentParams,
    @Body() body: ReasonRequest,
  ): Promise<ReopenResponse> {
    return this.reopenMarks.execute(assignmentId, body.reason);
  }

  @Post(':assignmentId/swap')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Give an unsubmitted assignment to another expert, with a reason' })
  @ApiOkResponse({ type: SwapResponse })
  @ApiBadRequestResponse({ description: 'Not an expert of the panel, or conflicted' })
  @ApiNotFoundResponse({ description: 'No such assignment' })
  @ApiConflictResponse({ description: 'Submitted, already assigned, or the stage has closed' })
  swap(
    @Param() { assignmentId }: AssignmentParams,
    @Body() body: SwapExpertRequest,
  ): Promise<SwapResponse> {
    return this.swapExpert.execute(assignmentId, body.expertId, body.reason);
  }
}
