import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { DeclareCalendarYearUseCase } from '../use-cases/declare-calendar-year.use-case';
import { WithdrawCalendarYearUseCase } from '../use-cases/withdraw-calendar-year.use-case';
import { CalendarYearParams, ReasonRequest } from './calendar.request.dto';
import { DeclarationResponse } from './calendar.response.dto';

const YEAR_PARAM = {
  type: String,
  name: 'year',
  example: '2027',
  description: 'A four-digit year',
};

/** Declaring a year the holiday package lacks complete, from the secretariat's overrides. */
@ApiTags('calendar')
@Controller('api/calendar/years/:year/declaration')
export class CalendarYearsController {
  constructor(
    private readonly declareYear: DeclareCalendarYearUseCase,
    private readonly withdrawYear: WithdrawCalendarYearUseCase,
  ) {}

  @Put()
  @Roles('secretariatAdmin')
  @ApiOperation({
    summary: "Declare that the year's overrides list all its holidays and make-up working days",
  })
  @ApiParam(YEAR_PARAM)
  @ApiBody({ type: ReasonRequest })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiBadRequestResponse({ description: 'year or reason is invalid' })
  @ApiConflictResponse({ description: 'The package covers the year, or it has no overrides' })
  async declare(
    @CurrentActor() actor: SignedInActor,
    @Param() { year }: CalendarYearParams,
    @Body() body: ReasonRequest,
  ): Promise<DeclarationResponse> {
    const saved = await this.declareYear.execute(Number(year), body.reason, actor.userId);
    return DeclarationResponse.from(saved);
  }

  @Delete()
  @Roles('secretariatAdmin')
  @HttpCode(204)
  @ApiOperation({ summary: "Withdraw a year's declaration; the year is refused again" })
  @ApiParam(YEAR_PARAM)
  @ApiBody({ type: ReasonRequest })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiNotFoundResponse({ description: 'The year is not declared' })
  async withdraw(
    @Param() { year }: CalendarYearParams,
    @Body() body: ReasonRequest,
  ): Promise<void> {
    await this.withdrawYear.execute(Number(year), body.reason);
  }
}
