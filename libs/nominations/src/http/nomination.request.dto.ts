import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NOMINATION_STATUSES, NominationStatus } from '../domain/nomination-status';
import { IsLocalDate } from '@craftcert/calendar';

/** Versions are stored as 32-bit integers: larger numbers name no version. */
const MAX_VERSION = 2_147_483_647;

export class EditionParams {
  @ApiProperty({ format: 'uuid', description: 'The edition' })
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId: string;
}

export class NominationParams {
  @ApiProperty({ format: 'uuid', description: 'The nomination' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId: string;
}

export class EvidenceParams extends NominationParams {
  @ApiProperty({ format: 'uuid', description: 'The evidence file' })
  @IsUUID('all', { message: 'fileId must be a UUID' })
  fileId: string;
}

const CHANNEL_ID = /^[a-z][a-z0-9-]{0,63}$/;
const ENDORSEMENT_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export class EndorsementParams extends NominationParams {
  @ApiProperty({
    example: 'unit-notice',
    pattern: ENDORSEMENT_ID.source,
    description: "An endorsement id from the channel's definition",
  })
  @Matches(ENDORSEMENT_ID, {
    message: "endorsementId must be an endorsement id from the channel's definition",
  })
  endorsementId: string;
}

/** What a unit records for one endorsement; which fields apply depends on its kind. */
export class RecordEndorsementRequest {
  @ApiPropertyOptional({ example: '2026-09-26', description: "A notice's first day" })
  @IsOptional()
  @IsLocalDate({ message: 'startsOn must be a real date as YYYY-MM-DD' })
  startsOn?: string;

  @ApiPropertyOptional({
    example: '党政联席会议',
    minLength: 2,
    maxLength: 200,
    description: 'The approving body',
  })
  @IsOptional()
  @IsString({ message: 'body must be text' })
  @Length(2, 200, { message: 'body must be 2–200 characters' })
  body?: string;

  @ApiPropertyOptional({ example: '2026-09-20', description: "The approving body's meeting date" })
  @IsOptional()
  @IsLocalDate({ message: 'meetingOn must be a real date as YYYY-MM-DD' })
  meetingOn?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The evidence file holding the minutes or the sealed form',
  })
  @IsOptional()
  @IsUUID('all', { message: 'evidenceId must be a UUID' })
  evidenceId?: string;
}
const EVIDENCE_KIND = /^[a-zA-Z][a-zA-Z0-9-]{0,63}$/;
const PROGRAMME_CODE = /^[a-z][a-z0-9-]{1,63}$/;

export class CreateNominationRequest {
  @ApiProperty({ example: 'unit-nomination', pattern: CHANNEL_ID.source })
  @Matches(CHANNEL_ID, { message: "channelId must be a channel id from the edition's definition" })
  channelId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "Dossier fields keyed by the definition's field ids; may be incomplete while a draft",
  })
  @IsObject({ message: 'dossier must be an object of field values' })
  dossier: Record<string, unknown>;
}

export class SaveDossierRequest {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'dossier must be an object of field values' })
  dossier: Record<string, unknown>;
}

export class NoteRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: 'reason must be 1–500 characters' })
  reason?: string;
}

export class ReturnRequest {
  @ApiProperty({ description: 'What the unit should add or correct' })
  @IsString()
  @Length(1, 500, { message: 'reason must be 1–500 characters' })
  reason: string;
}

export class RankRequest {
  @ApiProperty({ example: 'unit-nomination', pattern: CHANNEL_ID.source })
  @Matches(CHANNEL_ID, { message: "channelId must be a channel id from the edition's definition" })
  channelId: string;

  @ApiProperty({ description: 'Nomination ids, best first', type: [String] })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each entry of order must be a nomination id' })
  order: string[];
}

export class ListNominationsQuery {
  @ApiPropertyOptional({ enum: NOMINATION_STATUSES })
  @IsOptional()
  @IsIn(NOMINATION_STATUSES, {
    message: `status must be one of: ${NOMINATION_STATUSES.join(', ')}`,
  })
  status?: NominationStatus;

  @ApiPropertyOptional({ example: 'unit-nomination', pattern: CHANNEL_ID.source })
  @IsOptional()
  @Matches(CHANNEL_ID, { message: 'channelId must be a channel id' })
  channelId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit’s nominations' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Secretariat only: unmasked personal data (audited)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'revealPersonalData must be true or false' })
  revealPersonalData?: 'true' | 'false';
}

export class DefinitionMigrationRequest {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_VERSION,
    description: 'The published version to move the edition to',
  })
  @IsInt({ message: 'toVersion must be a version number' })
  @Min(1, { message: 'toVersion must be a version number' })
  @Max(MAX_VERSION, { message: 'toVersion must be a version number' })
  toVersion: number;

  @ApiProperty({ description: 'true: only report what would change' })
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun: boolean;
}

export class ImportQuery {
  @ApiProperty({ example: 'unit-nomination', pattern: CHANNEL_ID.source })
  @Matches(CHANNEL_ID, { message: "channelId must be a channel id from the edition's definition" })
  channelId: string;
}

export class UploadEvidenceQuery {
  @ApiProperty({
    example: 'photo',
    pattern: EVIDENCE_KIND.source,
    description: "An evidence kind of the edition's definition",
  })
  @Matches(EVIDENCE_KIND, {
    message: 'kind must be an evidence kind of the definition',
  })
  kind: string;

  @ApiProperty({ example: 'photo.png', minLength: 1, maxLength: 255, pattern: '^[^/\\\\]+$' })
  @IsString()
  @Length(1, 255, { message: 'fileName must be 1–255 characters' })
  @Matches(/^[^/\\]+$/, { message: 'fileName must not contain slashes' })
  fileName: string;
}

export class RefereeRequest {
  @ApiProperty({ example: '李师傅', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;
}

export class PublicNominationRequest extends CreateNominationRequest {
  @ApiProperty({ type: [RefereeRequest] })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RefereeRequest)
  referees: RefereeRequest[];
}

export class RefereeConfirmationRequest {
  @ApiProperty({
    description: 'The token from the confirmation link',
    minLength: 20,
    maxLength: 200,
  })
  @IsString()
  @Length(20, 200)
  token: string;
}

export class TipOffContactRequest {
  @ApiProperty({ minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiPropertyOptional({ example: '13800000000', pattern: '^[0-9+\\- ]{5,20}$' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be 5–20 digits' })
  phone?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

export class TipOffRequest {
  @ApiProperty({ minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  candidateName: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  employer: string;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @Length(10, 2000, { message: 'reason must be 10–2000 characters' })
  reason: string;

  // Tip-offs are taken by real name: ValidateNested alone would pass a missing contact or an array.
  @ApiProperty({ type: TipOffContactRequest, description: 'Tip-offs are taken by real name' })
  @IsObject({ message: 'contact is required: { name, phone?, email? }' })
  @ValidateNested()
  @Type(() => TipOffContactRequest)
  contact: TipOffContactRequest;
}

export class RecordAwardRequest {
  @ApiProperty({ description: "The holder's ID number", minLength: 5, maxLength: 30 })
  @IsString()
  @Length(5, 30)
  idNumber: string;

  @ApiProperty({ example: 'hangzhou-city-craftsman', pattern: PROGRAMME_CODE.source })
  @Matches(PROGRAMME_CODE, { message: 'programmeCode must be a programme code' })
  programmeCode: string;

  @ApiProperty({ type: 'integer', minimum: 1949, maximum: 2100 })
  @IsInt()
  @Min(1949)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  tier?: string;
}
