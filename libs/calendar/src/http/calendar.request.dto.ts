import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, Length, Matches, Max, Min } from 'class-validator';
import { MAX_PERIOD_DAYS } from '../calendar-snapshot';
import type { OverrideKind } from '../domain/calendar-rules';
import { IsLocalDate } from './is-local-date.validator';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class CalendarDateParams {
  @IsLocalDate()
  date: string;
}

export class CalendarYearParams {
  @Matches(/^[1-9]\d{3}$/, { message: 'year must be a four-digit year such as 2027' })
  year: string;
}

export class ReasonRequest {
  @ApiProperty({ example: '市政府决定本市放假一天', minLength: 2, maxLength: 500 })
  @Transform(trimmed)
  // Length also refuses anything but text: one message per field.
  @Length(2, 500, { message: 'reason must be text of 2–500 characters' })
  reason: string;
}

export class SetOverrideRequest extends ReasonRequest {
  @ApiProperty({ enum: ['workingDay', 'dayOff'], example: 'dayOff' })
  @IsIn(['workingDay', 'dayOff'], { message: "kind must be 'workingDay' or 'dayOff'" })
  kind: OverrideKind;
}

export class PeriodQuery {
  @ApiProperty({ example: '2025-09-26', description: 'The first day of the period as stated' })
  @IsLocalDate()
  start: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: MAX_PERIOD_DAYS })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_PERIOD_DAYS, { message: `days must be at most ${MAX_PERIOD_DAYS}` })
  days: number;

  @ApiProperty({ enum: ['calendar', 'working'], example: 'working' })
  @IsIn(['calendar', 'working'], { message: "dayKind must be 'calendar' or 'working'" })
  dayKind: 'calendar' | 'working';
}
