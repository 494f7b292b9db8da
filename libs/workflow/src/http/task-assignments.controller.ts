import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { AssignReviewTaskUseCase } from '../use-cases/assign-review-task.use-case';
import { ExtendTaskDeadlineUseCase } from '../use-cases/extend-task-deadline.use-case';
import { WaiveConflictUseCase } from '../use-cases/waive-conflict.use-case';
import {
  AssignTaskRequest,
  ExtendTaskRequest,
  TaskParams,
  WaiveConflictRequest,
} from './workflow.request.dto';
import {
  ConflictWaiverResponse,
  TaskAssignmentResponse,
  TaskExtensionResponse,
} from './workflow.response.dto';

/** The secretariat manages a task: assigns it to a reviewer, waives conflicts, extends it. */
@ApiTags('workflow')
@Controller('api/review-tasks/:taskId')
export class TaskAssignmentsController {
  constructor(
    private readonly assignTask: AssignReviewTaskUseCase,
    private readonly waiveConflict: WaiveConflictUseCase,
    private readonly extendTask: ExtendTaskDeadlineUseCase,
  ) {}

  @Put('due-date')
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: 'Extend the task, with a reason; its reminders and escalation move to the new date',
  })
  @ApiOkResponse({ type: TaskExtensionResponse })
  @ApiBadRequestResponse({ description: 'Not a later date, or no reason' })
  @ApiNotFoundResponse({ description: 'No such task' })
  @ApiConflictResponse({ description: 'The task is decided, or its stage has closed' })
  extend(
    @Param() { taskId }: TaskParams,
    @Body() body: ExtendTaskRequest,
  ): Promise<TaskExtensionResponse> {
    return this.extendTask.execute({ taskId, ...body });
  }

  @Put('assignee')
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary:
      'Assign the task to a reviewer of its department; a detected conflict of interest blocks it',
  })
  @ApiOkResponse({ type: TaskAssignmentResponse })
  @ApiBadRequestResponse({ description: 'A bad user id' })
  @ApiNotFoundResponse({ description: 'No such department task' })
  @ApiConflictResponse({
    description: 'Not a reviewer of the department, recused, conflicted, or the task is decided',
  })
  assign(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
    @Body() body: AssignTaskRequest,
  ): Promise<TaskAssignmentResponse> {
    return this.assignTask.execute(actor.userId, taskId, body.userId);
  }

  @Post('conflict-waivers')
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary:
      "Waive the conflicts detected between a reviewer and the task's candidate, with a reason",
  })
  @ApiCreatedResponse({ type: ConflictWaiverResponse })
  @ApiBadRequestResponse({ description: 'A bad user id or reason' })
  @ApiNotFoundResponse({ description: 'No such department task' })
  @ApiConflictResponse({ description: 'No conflict detected, or already waived' })
  waive(
    @CurrentActor() actor: SignedInActor,
    @Param() { taskId }: TaskParams,
    @Body() body: WaiveConflictRequest,
  ): Promise<ConflictWaiverResponse> {
    return this.waiveConflict.execute(actor.userId, { taskId, ...body });
  }
}
