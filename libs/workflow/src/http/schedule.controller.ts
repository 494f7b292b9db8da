import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { PlanEditionScheduleUseCase } from '../use-cases/plan-edition-schedule.use-case';
import { ReadEditionScheduleUseCase } from '../use-cases/read-edition-schedule.use-case';
import { SetProgrammeCycleUseCase } from '../use-cases/set-programme-cycle.use-case';
import { ShiftScheduledTransitionUseCase } from '../use-cases/shift-scheduled-transition.use-case';
import { EditionParams } from './workflow.request.dto';
import {
  ProgrammeCycleBody,
  ProgrammeCycleResponse,
  ProgrammeParams,
  ScheduledTransitionParams,
  ScheduledTransitionResponse,
  ShiftTransitionBody,
} from './schedule.dto';

/** An edition's scheduled stage transitions: see them, plan them from the definition, shift one. */
@ApiTags('schedule')
@Controller('api/editions/:editionId/schedule')
export class EditionScheduleController {
  constructor(
    private readonly readSchedule: ReadEditionScheduleUseCase,
    private readonly planSchedule: PlanEditionScheduleUseCase,
    private readonly shift: ShiftScheduledTransitionUseCase,
  ) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({ summary: "The edition's scheduled transitions in the order they fall due" })
  @ApiOkResponse({ type: [ScheduledTransitionResponse] })
  @ApiNotFoundResponse({ description: 'No such edition' })
  async read(@Param() { editionId }: EditionParams): Promise<ScheduledTransitionResponse[]> {
    return (await this.readSchedule.execute(editionId)).map((r) =>
      ScheduledTransitionResponse.from(r),
    );
  }

  @Put()
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary:
      "Plan the stage transitions the definition's calendars fix (adds only what is missing)",
  })
  @ApiOkResponse({ type: [ScheduledTransitionResponse] })
  @ApiNotFoundResponse({ description: 'No such edition' })
  async plan(
    @CurrentActor() actor: SignedInActor,
    @Param() { editionId }: EditionParams,
  ): Promise<ScheduledTransitionResponse[]> {
    const rows = await this.planSchedule.execute(editionId, actor.userId);
    return rows.map((r) => ScheduledTransitionResponse.from(r));
  }

  @Post(':transitionId/shift')
  @HttpCode(200)
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Move a pending transition to another day, with a reason' })
  @ApiOkResponse({ type: ScheduledTransitionResponse })
  @ApiBadRequestResponse({ description: 'A day in the past, or no reason' })
  @ApiConflictResponse({ description: 'It has already run' })
  @ApiNotFoundResponse({ description: 'No such transition in this edition' })
  async shiftOne(
    @Param() { editionId, transitionId }: ScheduledTransitionParams,
    @Body() body: ShiftTransitionBody,
  ): Promise<ScheduledTransitionResponse> {
    return ScheduledTransitionResponse.from(
      await this.shift.execute(editionId, transitionId, body),
    );
  }
}

/** A programme's cycle: on its day each cycle year the next edition opens by itself. */
@ApiTags('schedule')
@Controller('api/programmes/:programmeId/cycle')
export class ProgrammeCycleController {
  constructor(private readonly cycles: SetProgrammeCycleUseCase) {}

  @Get()
  @Roles('secretariatAdmin', 'auditor')
  @ApiOperation({ summary: "The programme's cycle and its next planned opening" })
  @ApiOkResponse({ type: ProgrammeCycleResponse })
  @ApiNotFoundResponse({ description: 'No cycle set for this programme' })
  async read(@Param() { programmeId }: ProgrammeParams): Promise<ProgrammeCycleResponse> {
    return ProgrammeCycleResponse.from(await this.cycles.view(programmeId));
  }

  @Put()
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Set the cycle: opening day, nomination window and first year' })
  @ApiOkResponse({ type: ProgrammeCycleResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in errors)' })
  @ApiNotFoundResponse({ description: 'No such programme, or it has no published definition' })
  async set(
    @CurrentActor() actor: SignedInActor,
    @Param() { programmeId }: ProgrammeParams,
    @Body() body: ProgrammeCycleBody,
  ): Promise<ProgrammeCycleResponse> {
    return ProgrammeCycleResponse.from(await this.cycles.execute(programmeId, body, actor.userId));
  }
}
