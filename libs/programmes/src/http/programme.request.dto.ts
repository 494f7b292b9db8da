import { IsLocalDate } from '@craftcert/calendar';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Versions are stored as 32-bit integers: larger numbers name no version. */
export const MAX_VERSION = 2_147_483_647;
const VERSION_RULE = `version must be a positive integer (at most ${MAX_VERSION})`;

const PROGRAMME_CODE = /^[a-z][a-z0-9-]{1,63}$/;
const EDITION_CODE = /^[A-Za-z0-9-]{1,32}$/;
const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class LocalizedNameRequest {
  @ApiProperty({ example: '杭州工匠', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  zh: string;

  @ApiProperty({ example: 'Hangzhou Craftsman', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  en: string;
}

export class CreateProgrammeRequest {
  @ApiProperty({ example: 'hangzhou-city-craftsman', pattern: PROGRAMME_CODE.source })
  @Matches(PROGRAMME_CODE, {
    message: 'code must be 2–64 lower-case letters, digits or hyphens, starting with a letter',
  })
  code: string;

  @ApiProperty({ type: LocalizedNameRequest })
  // ValidateNested alone passes an array (each of its zero items is valid): require an object.
  @IsObject({ message: 'name must be an object { zh, en }' })
  @ValidateNested()
  @Type(() => LocalizedNameRequest)
  name: LocalizedNameRequest;
}

export class ProgrammeParams {
  @ApiProperty({ format: 'uuid', description: 'The programme' })
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId: string;
}

export class DefinitionParams extends ProgrammeParams {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'The definition version',
  })
  @Type(() => Number)
  @IsInt({ message: VERSION_RULE })
  @Min(1, { message: VERSION_RULE })
  @Max(MAX_VERSION, { message: VERSION_RULE })
  version: number;
}

export class EditionParams {
  @ApiProperty({ format: 'uuid', description: 'The edition' })
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId: string;
}

/** Exactly one of `document` (JSON object) or `source` (YAML or JSON text). */
export class DefinitionInputRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The definition as a JSON object',
  })
  // Absent is allowed, null is not: IsOptional would let null through as if absent.
  @ValidateIf((_, value) => value !== undefined)
  @IsObject({ message: 'document must be a JSON object' })
  document?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The definition as YAML or JSON text' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString({ message: 'source must be YAML or JSON text' })
  // The configured limit (DEFINITION_MAX_CHARS) is checked when the text is read; the request
  // body limit (1 MiB) comes first anyway.
  @MaxLength(1_000_000)
  source?: string;
}

export class DiffQuery {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'The older version',
  })
  @Type(() => Number)
  @IsInt({ message: 'from must be a version number' })
  @Min(1, { message: 'from must be a version number' })
  @Max(MAX_VERSION, { message: 'from must be a version number' })
  from: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'The newer version',
  })
  @Type(() => Number)
  @IsInt({ message: 'to must be a version number' })
  @Min(1, { message: 'to must be a version number' })
  @Max(MAX_VERSION, { message: 'to must be a version number' })
  to: number;
}

export class PriorAwardRequest {
  @ApiProperty({ example: 'hangzhou-city-craftsman', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  programme: string;

  @ApiProperty({ type: 'integer', minimum: 1900, example: 2022 })
  @IsInt()
  @Min(1900)
  year: number;

  @ApiPropertyOptional({ example: 'craftsman' })
  @IsOptional()
  @IsString()
  tier?: string;
}

export class EvaluateDossierRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Dossier field values keyed by field id',
  })
  @IsObject()
  dossier: Record<string, unknown>;

  @ApiProperty({
    example: '2026-06-01',
    pattern: LOCAL_DATE.source,
    description: 'Date derived values are computed at',
  })
  // One check, one message: the shape and a date that exists (2026-02-30 does not).
  @IsLocalDate({ message: 'referenceDate must be a date as YYYY-MM-DD' })
  referenceDate: string;

  @ApiPropertyOptional({ type: [PriorAwardRequest] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PriorAwardRequest)
  priorAwards?: PriorAwardRequest[];
}

export class NominationWindowRequest {
  @ApiProperty({ example: '2026-06-01T00:00:00+08:00', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'opensAt must be an ISO 8601 date-time' })
  opensAt: string;

  @ApiProperty({ example: '2026-07-31T23:59:59+08:00', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO 8601 date-time' })
  closesAt: string;
}

export class ExtendWindowRequest {
  @ApiProperty({ example: '2026-08-15T23:59:59+08:00', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO 8601 date-time' })
  closesAt: string;

  @ApiProperty({ description: 'Why the deadline moves; kept with the edition' })
  @IsString()
  @Length(5, 500, { message: 'reason must be 5–500 characters' })
  reason: string;
}

export class OpenEditionRequest {
  @ApiProperty({ example: '2026', pattern: EDITION_CODE.source })
  @Matches(EDITION_CODE, { message: 'code must be 1–32 letters, digits or hyphens' })
  code: string;

  @ApiProperty({ type: LocalizedNameRequest })
  @IsObject({ message: 'title must be an object { zh, en }' })
  @ValidateNested()
  @Type(() => LocalizedNameRequest)
  title: LocalizedNameRequest;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'A published definition version',
  })
  @IsInt({ message: 'definitionVersion must be a version number' })
  @Min(1, { message: 'definitionVersion must be a version number' })
  @Max(MAX_VERSION, { message: 'definitionVersion must be a version number' })
  definitionVersion: number;

  @ApiProperty({ example: '2026-06-01', pattern: LOCAL_DATE.source })
  // One check, one message: the shape and a date that exists (2026-02-30 does not).
  @IsLocalDate({ message: 'referenceDate must be a date as YYYY-MM-DD' })
  referenceDate: string;

  @ApiProperty({ type: NominationWindowRequest })
  @IsObject({ message: 'nominationWindow is required: { opensAt, closesAt }' })
  @ValidateNested()
  @Type(() => NominationWindowRequest)
  nominationWindow: NominationWindowRequest;
}
