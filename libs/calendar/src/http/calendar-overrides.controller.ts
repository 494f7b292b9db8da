import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type SignedInActor } from '@craftcert/identity';
import { RemoveCalendarOverrideUseCase } from '../use-cases/remove-calendar-override.use-case';
import { SetCalendarOverrideUseCase } from '../use-cases/set-calendar-override.use-case';
import { CalendarDateParams, ReasonRequest, SetOverrideRequest } from './calendar.request.dto';
import { OverrideResponse } from './calendar.response.dto';

const DATE_PARAM = {
  type: String,
  name: 'date',
  example: '2026-11-04',
  description: 'A local date, YYYY-MM-DD',
};

/** The secretariat's corrections to single days; they win over the holiday package. */
@ApiTags('calendar')
@Controller('api/calendar/overrides')
export class CalendarOverridesController {
  constructor(
    private readonly setOverride: SetCalendarOverrideUseCase,
    private readonly removeOverride: RemoveCalendarOverrideUseCase,
  ) {}

  @Put(':date')
  @Roles('secretariatAdmin')
  @ApiOperation({ summary: 'Mark a day as worked or off, with a reason' })
  @ApiParam(DATE_PARAM)
  @ApiBody({ type: SetOverrideRequest })
  @ApiOkResponse({ type: OverrideResponse })
  @ApiBadRequestResponse({ description: 'date, kind or reason is invalid' })
  async set(
    @CurrentActor() actor: SignedInActor,
    @Param() { date }: CalendarDateParams,
    @Body() body: SetOverrideRequest,
  ): Promise<OverrideResponse> {
    const saved = await this.setOverride.execute({ date, ...body }, actor.userId);
    return OverrideResponse.from(saved);
  }

  @Delete(':date')
  @Roles('secretariatAdmin')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a day's override, with a reason" })
  @ApiParam(DATE_PARAM)
  @ApiBody({ type: ReasonRequest })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'The day has no override' })
  async remove(@Param() { date }: CalendarDateParams, @Body() body: ReasonRequest): Promise<void> {
    await this.removeOverride.execute(date, body.reason);
  }
}
