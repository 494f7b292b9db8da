import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsLocalDate } from '@craftcert/calendar';
import { SCHEDULED_ACTIONS, SCHEDULE_STATUSES } from '../domain/schedule';
import type { ScheduledTransitionEntity } from '../persistence/schedule.entities';
import type { ProgrammeCycleView } from '../use-cases/set-programme-cycle.use-case';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ProgrammeParams {
  @ApiProperty({ format: 'uuid', description: 'The programme' })
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId: string;
}

export class ScheduledTransitionParams {
  @ApiProperty({ format: 'uuid', description: 'The edition' })
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId: string;

  @ApiProperty({ format: 'uuid', description: 'The scheduled transition' })
  @IsUUID('all', { message: 'transitionId must be a UUID' })
  transitionId: string;
}

export class ProgrammeCycleBody {
  @ApiProperty({
    pattern: MONTH_DAY.source,
    example: '03-01',
    description: 'Opening day, MM-DD (Beijing)',
  })
  @Matches(MONTH_DAY, { message: 'opensOn must be a day of the year as MM-DD, e.g. 03-01' })
  opensOn: string;

  @ApiProperty({ minimum: 1, maximum: 366, example: 45, description: 'Days nominations stay open' })
  @IsInt({ message: 'nominationDays must be a whole number of days from 1 to 366' })
  @Min(1, { message: 'nominationDays must be a whole number of days from 1 to 366' })
  @Max(366, { message: 'nominationDays must be a whole number of days from 1 to 366' })
  nominationDays: number;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2027, description: 'The first cycle year' })
  @IsInt({ message: 'firstYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'firstYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'firstYear must be a year from 2000 to 2100' })
  firstYear: number;
}

export class ShiftTransitionBody {
  @ApiProperty({ format: 'date', example: '2027-04-15', description: 'The new day (Beijing)' })
  @IsLocalDate({ message: 'dueOn must be a date as YYYY-MM-DD' })
  dueOn: string;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why it moves (recorded)' })
  @Transform(trimmed)
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason: string;
}

export class NextOpeningResponse {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
}

export class ProgrammeCycleResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: '03-01' }) opensOn: string;
  @ApiProperty() nominationDays: number;
  @ApiProperty() firstYear: number;
  @ApiProperty({ description: "From the latest published definition's cadence" })
  everyYears: number;
  @ApiProperty({ type: NextOpeningResponse, nullable: true })
  nextOpening: NextOpeningResponse | null;

  static from(view: ProgrammeCycleView): ProgrammeCycleResponse {
    return {
      ...view,
      nextOpening: view.nextOpening && {
        year: view.nextOpening.year,
        opensAt: view.nextOpening.opensAt.toISOString(),
      },
    };
  }
}

export class ScheduledTransitionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SCHEDULED_ACTIONS }) action: string;
  @ApiProperty({ nullable: true, type: String }) stageId: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: SCHEDULE_STATUSES }) status: string;
  @ApiProperty({ description: 'Runs refused so far (it is tried again)' }) attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) shiftReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) ranAt: string | null;

  static from(row: ScheduledTransitionEntity): ScheduledTransitionResponse {
    return {
      id: row.id,
      action: row.action,
      stageId: row.stageId,
      dueAt: row.dueAt.toISOString(),
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      shiftReason: row.shiftReason,
      ranAt: row.ranAt?.toISOString() ?? null,
    };
  }
}
