import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { MapExpertPanelsUseCase } from '../use-cases/map-expert-panels.use-case';
import { PlanExpertAssignmentUseCase } from '../use-cases/plan-expert-assignment.use-case';
import { ReadStageScoresUseCase } from '../use-cases/read-stage-scores.use-case';
import { MapPanelsRequest, PanelMappingEntry } from './scoring.request.dto';
import { StageParams } from './workflow.request.dto';
import { AssignmentPlanResponse, StageScoresResponse } from './scoring.response.dto';

/** A scoring stage's panels, its assignment before it opens, and its scores and ranking. */
@ApiTags('scoring')
@Controller('api/editions/:editionId/workflow/stages/:stageId')
export class WorkflowScoringController {
  constructor(
    private readonly mapPanels: MapExpertPanelsUseCase,
    private readonly planAssignment: PlanExpertAssignmentUseCase,
    private readonly readScores: ReadStageScoresUseCase,
  ) {}

  @Put('panels')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Map groups of a scoring stage to expert-panel organisations' })
  @ApiOkResponse({ type: [PanelMappingEntry] })
  @ApiBadRequestResponse({ description: 'Not a scoring stage, or not an expert panel' })
  @ApiNotFoundResponse({ description: 'No such stage' })
  @ApiConflictResponse({ description: 'The stage has been entered' })
  panels(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId, stageId }: StageParams,
    @Body() body: MapPanelsRequest,
  ): Promise<PanelMappingEntry[]> {
    return this.mapPanels.execute(editionId, stageId, body.panels, actor.userId);
  }

  @Get('assignment-plan')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: 'The assignment entering would make now, or the dossiers short of experts',
  })
  @ApiOkResponse({ type: AssignmentPlanResponse })
  @ApiBadRequestResponse({ description: 'Not a scoring stage' })
  @ApiNotFoundResponse({ description: 'No such stage' })
  plan(@Param() { editionId, stageId }: StageParams): Promise<AssignmentPlanResponse> {
    return this.planAssignment.execute(editionId, stageId);
  }

  @Get('scores')
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({ summary: 'Aggregated scores and the ranked list per group, explained' })
  @ApiOkResponse({ type: StageScoresResponse })
  @ApiNotFoundResponse({ description: 'No such scoring stage' })
  scores(@Param() { editionId, stageId }: StageParams): Promise<StageScoresResponse> {
    return this.readScores.execute(editionId, stageId);
  }
}
