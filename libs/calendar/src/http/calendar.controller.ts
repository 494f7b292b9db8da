import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '@craftcert/identity';
import { DescribeCalendarCoverageUseCase } from '../use-cases/describe-calendar-coverage.use-case';
import { DescribeCalendarYearUseCase } from '../use-cases/describe-calendar-year.use-case';
import { WorkingCalendar } from '../working-calendar';
import { CalendarYearParams, PeriodQuery } from './calendar.request.dto';
import {
  CalendarCoverageResponse,
  CalendarYearResponse,
  PeriodResponse,
} from './calendar.response.dto';

/** Reading the working-day calendar: any signed-in staff member. */
@ApiTags('calendar')
@Controller('api/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly coverage: DescribeCalendarCoverageUseCase,
    private readonly years: DescribeCalendarYearUseCase,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Which years have holiday data, from the package or declared' })
  @ApiOkResponse({ type: CalendarCoverageResponse })
  async describeCoverage(): Promise<CalendarCoverageResponse> {
    return CalendarCoverageResponse.from(await this.coverage.execute());
  }

  @Get('years/:year')
  @Authenticated()
  @ApiOperation({ summary: "A year's holidays, make-up working days, overrides and working days" })
  @ApiParam({ type: String, name: 'year', example: '2026', description: 'A four-digit year' })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiBadRequestResponse({ description: 'year is not a four-digit year' })
  async describeYear(@Param() { year }: CalendarYearParams): Promise<CalendarYearResponse> {
    return CalendarYearResponse.from(await this.years.execute(Number(year)));
  }

  @Get('period')
  @Authenticated()
  @ApiOperation({
    summary: 'When a period ends',
    description:
      'The start counts as day 1 when it qualifies; a working-day period that starts on a day ' +
      'off begins on the next working day.',
  })
  @ApiOkResponse({ type: PeriodResponse })
  @ApiBadRequestResponse({ description: 'start, days or dayKind is invalid' })
  @ApiUnprocessableEntityResponse({ description: 'CALENDAR_DATA_MISSING: a year has no data' })
  async period(@Query() query: PeriodQuery): Promise<PeriodResponse> {
    const snapshot = await this.calendar.snapshot();
    const period = { days: query.days, dayKind: query.dayKind };
    return {
      ...query,
      firstDay: snapshot.periodStart(query.start, period),
      lastDay: snapshot.periodEnd(query.start, period),
      endsAt: snapshot.periodEndsAt(query.start, period).toISOString(),
    };
  }
}
