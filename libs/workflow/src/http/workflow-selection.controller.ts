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
import { ApproveSelectionUseCase } from '../use-cases/approve-selection.use-case';
import { FinaliseSelectionUseCase } from '../use-cases/finalise-selection.use-case';
import { ReadStageSelectionUseCase } from '../use-cases/read-stage-selection.use-case';
import { WhatIfSelectionUseCase } from '../use-cases/what-if-selection.use-case';
import { WhatIfRequest } from './selection.request.dto';
import {
  ApprovedSelectionResponse,
  FinalisedSelectionResponse,
  StageSelectionResponse,
  WhatIfResponse,
} from './selection.response.dto';
import { StageParams } from './workflow.request.dto';

/** A selection or shortlist stage's result, its what-if, finalisation and approval. */
@ApiTags('selection')
@Controller('api/editions/:editionId/workflow/stages/:stageId/selection')
export class WorkflowSelectionController {
  constructor(
    private readonly readSelection: ReadStageSelectionUseCase,
    private readonly whatIfSelection: WhatIfSelectionUseCase,
    private readonly finaliseSelection: FinaliseSelectionUseCase,
    private readonly approveSelection: ApproveSelectionUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: 'The proposed (or run) selection with every reason, or the infeasibility report',
  })
  @ApiOkResponse({ type: StageSelectionResponse })
  @ApiNotFoundResponse({ description: 'No such selection or shortlist stage' })
  @ApiConflictResponse({ description: 'A candidate has no score yet' })
  read(@Param() { editionId, stageId }: StageParams): Promise<StageSelectionResponse> {
    return this.readSelection.execute(editionId, stageId);
  }

  @Post('what-if')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'The selection under changed rules against the current one; saves nothing',
  })
  @ApiOkResponse({ type: WhatIfResponse })
  @ApiBadRequestResponse({
    description: 'An unknown tier, constraint, criterion or a bad bound, named',
  })
  @ApiNotFoundResponse({ description: 'No such selection or shortlist stage' })
  whatIf(
    @Param() { editionId, stageId }: StageParams,
    @Body() body: WhatIfRequest,
  ): Promise<WhatIfResponse> {
    return this.whatIfSelection.execute(editionId, stageId, body);
  }

  @Post('finalise')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: "Finalise the closed stage's selection: one result per tier" })
  @ApiOkResponse({ type: FinalisedSelectionResponse })
  @ApiNotFoundResponse({ description: 'No such selection stage' })
  @ApiConflictResponse({ description: 'Already finalised, or the stage has not closed' })
  finalise(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId }: StageParams,
  ): Promise<FinalisedSelectionResponse> {
    return this.finaliseSelection.execute(editionId, stageId, actor.userId);
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Approve the finalised result (someone other than who finalised it); it is then fixed',
  })
  @ApiOkResponse({ type: ApprovedSelectionResponse })
  @ApiNotFoundResponse({ description: 'No such selection stage' })
  @ApiConflictResponse({
    description: 'Not finalised, already approved, or the approver finalised it',
  })
  approve(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId }: StageParams,
  ): Promise<ApprovedSelectionResponse> {
    return this.approveSelection.execute(editionId, stageId, actor.userId);
  }
}
