import { ApiProperty } from '@nestjs/swagger';
import type { HolidayName, NamedDay, OverrideKind, YearSource } from '../domain/calendar-rules';
import type { DeclarationRow, OverrideRow } from '../persistence/calendar.repository';
import type { CalendarCoverageView } from '../use-cases/describe-calendar-coverage.use-case';
import type { CalendarYearView } from '../use-cases/describe-calendar-year.use-case';

export class HolidayNameResponse implements HolidayName {
  @ApiProperty({ example: '国庆节' }) zh: string;
  @ApiProperty({ example: 'National Day' }) en: string;
}

export class NamedDayResponse implements NamedDay {
  @ApiProperty({ example: '2025-10-01' }) date: string;
  @ApiProperty({ type: HolidayNameResponse }) name: HolidayNameResponse;
}

export class OverrideResponse {
  @ApiProperty({ example: '2026-11-04' }) date: string;
  @ApiProperty({ enum: ['workingDay', 'dayOff'] }) kind: OverrideKind;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user who set it' }) setBy:
    string | null;
  @ApiProperty({ example: '2026-10-20T02:00:00.000Z' }) setAt: string;

  static from(row: OverrideRow): OverrideResponse {
    return { ...row, setAt: row.setAt.toISOString() };
  }
}

export class DeclarationResponse {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user who declared it' })
  declaredBy: string | null;
  @ApiProperty() declaredAt: string;

  static from(row: DeclarationRow): DeclarationResponse {
    return { ...row, declaredAt: row.declaredAt.toISOString() };
  }
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ description: 'Whether working-day arithmetic may use this year' })
  dataComplete: boolean;
  @ApiProperty({ enum: ['package', 'declaration'], nullable: true }) source: YearSource | null;
  @ApiProperty({ type: DeclarationResponse, nullable: true })
  declaration: DeclarationResponse | null;
  @ApiProperty({ type: [NamedDayResponse], description: 'Days off in the official schedule' })
  holidays: NamedDayResponse[];
  @ApiProperty({ type: [NamedDayResponse], description: 'Weekend days worked instead (调休)' })
  makeUpWorkingDays: NamedDayResponse[];
  @ApiProperty({ type: [OverrideResponse], description: "The secretariat's corrections; they win" })
  overrides: OverrideResponse[];
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'After overrides; null if incomplete',
  })
  workingDays: string[] | null;

  static from(view: CalendarYearView): CalendarYearResponse {
    return {
      ...view,
      dataComplete: view.source !== null,
      declaration: view.declaration && DeclarationResponse.from(view.declaration),
      overrides: view.overrides.map((o) => OverrideResponse.from(o)),
    };
  }
}

export class CalendarCoverageResponse {
  @ApiProperty({ example: 'chinese-days 1.5.7' }) packageSource: string;
  @ApiProperty({ type: [Number], description: 'Years the holiday package covers' })
  packageYears: number[];
  @ApiProperty({ type: [DeclarationResponse], description: 'Years declared complete by overrides' })
  declarations: DeclarationResponse[];

  static from(view: CalendarCoverageView): CalendarCoverageResponse {
    return { ...view, declarations: view.declarations.map((d) => DeclarationResponse.from(d)) };
  }
}

export class PeriodResponse {
  @ApiProperty({ example: '2025-09-26' }) start: string;
  @ApiProperty({ example: 5 }) days: number;
  @ApiProperty({ enum: ['calendar', 'working'] }) dayKind: 'calendar' | 'working';
  @ApiProperty({ example: '2025-09-26', description: 'The first day counted' }) firstDay: string;
  @ApiProperty({ example: '2025-10-09', description: 'The last day of the period' })
  lastDay: string;
  @ApiProperty({ example: '2025-10-09T16:00:00.000Z', description: 'End of the last day, +08:00' })
  endsAt: string;
}
