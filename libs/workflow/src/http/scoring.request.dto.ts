import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const GROUP = /^[A-Za-z0-9_-]{0,64}$/;

export class AssignmentParams {
  @ApiProperty({ format: 'uuid', description: "An expert's assignment" })
  @IsUUID('all', { message: 'assignmentId must be a UUID' })
  assignmentId: string;
}

export class AssignmentsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId?: string;
}

export class PanelMappingEntry {
  @ApiProperty({
    example: 'C',
    pattern: GROUP.source,
    description: "A value of the stage's panelsBy field; empty when the stage has one panel",
  })
  @Matches(GROUP, { message: 'group must be a value of the panelsBy field (or empty)' })
  group: string;

  @ApiProperty({ format: 'uuid', description: 'An expert-panel organisation' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;
}

export class MapPanelsRequest {
  @ApiProperty({ type: [PanelMappingEntry] })
  @IsArray({ message: 'panels must be a list of { group, organisationId }' })
  @ArrayMaxSize(200, { message: 'panels must list at most 200 entries' })
  @ValidateNested({ each: true })
  @Type(() => PanelMappingEntry)
  panels: PanelMappingEntry[];
}

export class MarksRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { mastery: 12, contribution: 8, ethics: 9 },
    description: "Marks for the rubric's judged items, by item id; each within its item's range",
  })
  @IsObject({ message: 'marks must be an object of { "<itemId>": number }' })
  marks: Record<string, number>;
}

export class ReasonRequest {
  @ApiProperty({ example: '评分录入有误，退回专家修改', minLength: 2, maxLength: 500 })
  @Transform(trimmed)
  @Length(2, 500, { message: 'reason must be text of 2–500 characters' })
  reason: string;
}

export class SwapExpertRequest extends ReasonRequest {
  @ApiProperty({ format: 'uuid', description: "Another expert of the group's panel" })
  @IsUUID('all', { message: 'expertId must be a UUID' })
  expertId: string;
}
