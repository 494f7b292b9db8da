// The working-day calendar context: one calendar service for every context's periods and deadlines.
export { CalendarHttpModule, CalendarModule } from './calendar.module';
export { WorkingCalendar } from './working-calendar';
export { CalendarSnapshot, MAX_PERIOD_DAYS } from './calendar-snapshot';
export { CalendarDataMissingError } from './domain/calendar.errors';
export type { LocalDate } from './domain/local-date';
export { isLocalDate, toLocalDate } from './domain/local-date';
export type { PeriodSpec } from './domain/working-days';
export type { OverrideKind, YearSource } from './domain/calendar-rules';
export { IsLocalDate } from './http/is-local-date.validator';
