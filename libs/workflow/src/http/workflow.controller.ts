import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { AdvanceWorkflowUseCase } from '../use-cases/advance-workflow.use-case';
import { CloseStageUseCase } from '../use-cases/close-stage.use-case';
import { EnterStageUseCase } from '../use-cases/enter-stage.use-case';
import { ListConflictDeclarationsUseCase } from '../use-cases/list-conflict-declarations.use-case';
import { ListStageCandidatesUseCase } from '../use-cases/list-stage-candidates.use-case';
import { ReadConflictRegisterUseCase } from '../use-cases/read-conflict-register.use-case';
import { ReadStageProgressUseCase } from '../use-cases/read-stage-progress.use-case';
import { ReadWorkflowUseCase } from '../use-cases/read-workflow.use-case';
import { EditionParams, StageParams, TransitionRequestBody } from './workflow.request.dto';
import {
  CandidateResponse,
  ConflictRegisterResponse,
  EditionConflictResponse,
  ProgressResponse,
  TransitionResponse,
  WorkflowStageResponse,
} from './workflow.response.dto';

/** The secretariat runs an edition's stages: enter, close (or force, with a reason), advance, watch. */
@ApiTags('workflow')
@Controller('api/editions/:editionId/workflow')
export class WorkflowController {
  constructor(
    private readonly readWorkflow: ReadWorkflowUseCase,
    private readonly enterStage: EnterStageUseCase,
    private readonly closeStage: CloseStageUseCase,
    private readonly advanceWorkflow: AdvanceWorkflowUseCase,
    private readonly listCandidates: ListStageCandidatesUseCase,
    private readonly readProgress: ReadStageProgressUseCase,
    private readonly listConflicts: ListConflictDeclarationsUseCase,
    private readonly readConflictRegister: ReadConflictRegisterUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: "The edition's stages in order, where each stands, candidates per status",
  })
  @ApiOkResponse({ type: [WorkflowStageResponse] })
  @ApiNotFoundResponse({ description: 'No such edition' })
  read(@Param() { editionId }: EditionParams): Promise<WorkflowStageResponse[]> {
    return this.readWorkflow.execute(editionId);
  }

  @Get('conflicts')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: "Reviewers' conflict-of-interest declarations on the edition's tasks, conflicts first",
  })
  @ApiOkResponse({ type: [EditionConflictResponse] })
  conflicts(@Param() { editionId }: EditionParams): Promise<EditionConflictResponse[]> {
    return this.listConflicts.execute(editionId);
  }

  @Get('conflict-register')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary:
      'Before work starts: declarations, conflicts detected from the hierarchy and profiles, waivers, assignments and recusals, tasks nobody may take',
  })
  @ApiOkResponse({ type: ConflictRegisterResponse })
  conflictRegister(@Param() { editionId }: EditionParams): Promise<ConflictRegisterResponse> {
    return this.readConflictRegister.execute(editionId);
  }

  @Post('advance')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Close the open stage and enter the next (or enter the first), in one step',
  })
  @ApiOkResponse({ type: [TransitionResponse] })
  @ApiConflictResponse({
    description: 'The open stage cannot close yet (force with a reason), or every stage has closed',
  })
  async advance(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
    @Body() body: TransitionRequestBody,
  ): Promise<TransitionResponse[]> {
    const results = await this.advanceWorkflow.execute({
      editionId,
      actorId: actor.userId,
      ...body,
    });
    return results.map((r) => TransitionResponse.from(r));
  }

  @Post('stages/:stageId/enter')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Enter a stage: candidates and their tasks are created (repeating it is a no-op)',
  })
  @ApiOkResponse({ type: TransitionResponse })
  @ApiBadRequestResponse({ description: 'Bad path or body' })
  @ApiNotFoundResponse({ description: 'No such edition or stage' })
  @ApiConflictResponse({
    description: 'The stage before has not closed, or departments are unmapped',
  })
  async enter(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId }: StageParams,
    @Body() body: TransitionRequestBody,
  ): Promise<TransitionResponse> {
    return TransitionResponse.from(
      await this.enterStage.execute({
        editionId,
        stageId,
        actorId: actor.userId,
        reason: body.reason,
      }),
    );
  }

  @Post('stages/:stageId/close')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: "Close a stage; candidates' outcomes become final (repeating it is a no-op)",
  })
  @ApiOkResponse({ type: TransitionResponse })
  @ApiBadRequestResponse({ description: 'Bad path or body (force needs a reason)' })
  @ApiNotFoundResponse({ description: 'No such edition or stage' })
  @ApiConflictResponse({
    description: 'Not open, or candidates have no outcome yet (force with a reason)',
  })
  async close(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId }: StageParams,
    @Body() body: TransitionRequestBody,
  ): Promise<TransitionResponse> {
    return TransitionResponse.from(
      await this.closeStage.execute({ editionId, stageId, actorId: actor.userId, ...body }),
    );
  }

  @Get('stages/:stageId/candidates')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: 'Candidates in a stage: status, its explanation (zh + en) and task standings',
  })
  @ApiOkResponse({ type: [CandidateResponse] })
  @ApiNotFoundResponse({ description: 'No such edition or stage' })
  candidates(@Param() { editionId, stageId }: StageParams): Promise<CandidateResponse[]> {
    return this.listCandidates.execute(editionId, stageId);
  }

  @Get('stages/:stageId/progress')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: 'Done, pending, paused and overdue tasks per department and per reviewer',
  })
  @ApiOkResponse({ type: ProgressResponse })
  progress(@Param() { editionId, stageId }: StageParams): Promise<ProgressResponse> {
    return this.readProgress.execute(editionId, stageId);
  }
}
