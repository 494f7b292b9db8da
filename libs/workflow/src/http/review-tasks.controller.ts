import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { DecideTaskUseCase } from '../use-cases/decide-task.use-case';
import { DeclareConflictUseCase } from '../use-cases/declare-conflict.use-case';
import { ListReviewInboxUseCase } from '../use-cases/list-review-inbox.use-case';
import { ReadReviewTaskUseCase } from '../use-cases/read-review-task.use-case';
import { ReadTaskDossierUseCase } from '../use-cases/read-task-dossier.use-case';
import {
  DecideRequest,
  DeclareConflictRequest,
  InboxQuery,
  TaskParams,
} from './workflow.request.dto';
import {
  ConflictDeclarationResponse,
  DecisionResultResponse,
  TaskDetailResponse,
  TaskDossierResponse,
  TaskResponse,
} from './workflow.response.dto';

/** Reviewers' work: their inbox, a task with its history, and decisions (amendments supersede). */
@ApiTags('workflow')
@Controller('api/review-tasks')
export class ReviewTasksController {
  constructor(
    private readonly inbox: ListReviewInboxUseCase,
    private readonly readTask: ReadReviewTaskUseCase,
    private readonly decideTask: DecideTaskUseCase,
    private readonly readDossier: ReadTaskDossierUseCase,
    private readonly declareConflict: DeclareConflictUseCase,
  ) {}

  @Get()
  @Roles('departmentReviewer', 'secretariatAdmin')
  @ApiOperation({
    summary:
      "The caller's own tasks, soonest due first, filtered by edition, stage, status, due date",
  })
  @ApiOkResponse({ type: [TaskResponse] })
  @ApiBadRequestResponse({ description: 'A bad filter' })
  list(@CurrentActor() actor: SignedInActor, @Query() query: InboxQuery): Promise<TaskResponse[]> {
    return this.inbox.execute(actor, {
      ...query,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':taskId')
  @Roles('departmentReviewer', 'secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: 'A task with its checklist, every decision (superseded ones too) and requests',
  })
  @ApiOkResponse({ type: TaskDetailResponse })
  @ApiNotFoundResponse({ description: 'No such task, or not yours' })
  async read(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
  ): Promise<TaskDetailResponse> {
    const detail = await this.readTask.execute(actor, taskId);
    return { ...detail, checklist: detail.task.checklist };
  }

  @Post(':taskId/declaration')
  @Roles('departmentReviewer')
  @ApiOperation({
    summary:
      'Declare no conflict of interest, or one (kind and reason), before opening the dossier',
  })
  @ApiCreatedResponse({ type: ConflictDeclarationResponse })
  @ApiBadRequestResponse({ description: 'A conflict without its kind or reason' })
  @ApiNotFoundResponse({ description: "No such task, or not your department's" })
  @ApiConflictResponse({ description: 'Already declared on this task' })
  declare(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
    @Body() body: DeclareConflictRequest,
  ): Promise<ConflictDeclarationResponse> {
    return this.declareConflict.execute(actor, { taskId, ...body });
  }

  @Get(':taskId/dossier')
  @Roles('departmentReviewer', 'secretariatAdmin', 'auditor')
  @ApiOperation({
    summary: "The candidate's dossier, read-only (the personal-data read is audited)",
  })
  @ApiOkResponse({ type: TaskDossierResponse })
  @ApiNotFoundResponse({ description: 'No such task, or not yours' })
  @ApiConflictResponse({ description: 'Declare conflicts of interest first' })
  @ApiForbiddenResponse({ description: 'You declared a conflict and are recused' })
  dossier(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
  ): Promise<TaskDossierResponse> {
    return this.readDossier.execute(actor, taskId);
  }

  @Post(':taskId/decisions')
  @Roles('departmentReviewer', 'secretariatAdmin')
  @ApiOperation({
    summary: 'Approve, reject or request more information, with a reason; amend with `amends`',
  })
  @ApiCreatedResponse({ type: DecisionResultResponse })
  @ApiBadRequestResponse({ description: 'Bad body, or checklist items unanswered' })
  @ApiNotFoundResponse({ description: 'No such task, or not yours to decide' })
  @ApiConflictResponse({
    description: 'Already decided (amend instead), awaiting the unit, or the stage has closed',
  })
  async decide(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
    @Body() body: DecideRequest,
  ): Promise<DecisionResultResponse> {
    const { decision, outcome } = await this.decideTask.execute(actor, { taskId, ...body });
    return { decision, candidateStatus: outcome.status, explanation: outcome.explanation };
  }
}
