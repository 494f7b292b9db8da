import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarSnapshots } from './calendar-snapshots';
import { CalendarController } from './http/calendar.controller';
import { CalendarOverridesController } from './http/calendar-overrides.controller';
import { CalendarYearsController } from './http/calendar-years.controller';
import { CALENDAR_ENTITIES } from './persistence/calendar.entities';
import { CalendarRepository } from './persistence/calendar.repository';
import { DeclareCalendarYearUseCase } from './use-cases/declare-calendar-year.use-case';
import { DescribeCalendarCoverageUseCase } from './use-cases/describe-calendar-coverage.use-case';
import { DescribeCalendarYearUseCase } from './use-cases/describe-calendar-year.use-case';
import { RemoveCalendarOverrideUseCase } from './use-cases/remove-calendar-override.use-case';
import { SetCalendarOverrideUseCase } from './use-cases/set-calendar-override.use-case';
import { WithdrawCalendarYearUseCase } from './use-cases/withdraw-calendar-year.use-case';
import { WorkingCalendar } from './working-calendar';

/**
 * The working-day calendar service, for any context in any role (API, worker, CLI): import this
 * module and inject WorkingCalendar. One instance per process, so one cache.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CALENDAR_ENTITIES)],
  providers: [CalendarRepository, CalendarSnapshots, WorkingCalendar],
  // The repository is for this context's own HTTP module; other contexts use WorkingCalendar.
  exports: [WorkingCalendar, CalendarRepository],
})
export class CalendarModule {}

/** The secretariat's calendar routes: loaded only by processes that serve HTTP. */
@Module({
  imports: [CalendarModule],
  controllers: [CalendarController, CalendarOverridesController, CalendarYearsController],
  providers: [
    DescribeCalendarCoverageUseCase,
    DescribeCalendarYearUseCase,
    SetCalendarOverrideUseCase,
    RemoveCalendarOverrideUseCase,
    DeclareCalendarYearUseCase,
    WithdrawCalendarYearUseCase,
  ],
})
export class CalendarHttpModule {}
