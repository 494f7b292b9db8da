import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OBJECTOR_KINDS, type ObjectorKind } from '../domain/objection';
import { CERTIFICATE_NUMBER_PATTERN } from '../domain/certificate-number';

const STAFF_CHANNELS = ['letter', 'phone', 'visit'] as const;
const TRIAGE_STATUSES = ['investigating', 'upheld', 'dismissed'] as const;

export class PublicEditionParams {
  @ApiProperty({ format: 'uuid', description: 'The edition' })
  @IsUUID('all', { message: 'editionId must be a UUID' })
  editionId: string;
}

export class CertificateParams {
  @ApiProperty({
    pattern: CERTIFICATE_NUMBER_PATTERN.source,
    example: '7K3M9Q2X4T8V1N6R0A5B~',
    description: 'The certificate number: 20 base32 characters and a check symbol',
  })
  @Matches(CERTIFICATE_NUMBER_PATTERN, {
    message: 'certificateNo must be a certificate number (20 base32 characters and a check symbol)',
  })
  certificateNo: string;
}

export class RevokeCertificateBody {
  @ApiProperty({ minLength: 2, maxLength: 1000, description: 'The grounds, shown to the public' })
  @IsString({ message: 'grounds must be text' })
  @MinLength(2, { message: 'grounds must be at least 2 characters' })
  @MaxLength(1000, { message: 'grounds must be at most 1000 characters' })
  grounds: string;
}

export class ObjectionParams {
  @ApiProperty({ format: 'uuid', description: 'The objection' })
  @IsUUID('all', { message: 'objectionId must be a UUID' })
  objectionId: string;
}

export class RecordObjectionBody {
  @ApiProperty({ format: 'uuid', description: 'The nomination of the person objected to' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId: string;

  @ApiProperty({ enum: OBJECTOR_KINDS })
  @IsIn(OBJECTOR_KINDS, { message: 'objectorKind must be individual or organisation' })
  objectorKind: ObjectorKind;

  @ApiProperty({ maxLength: 100, description: "The objector's real name, or the organisation's" })
  @IsString({ message: 'name must be text' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;

  @ApiProperty({ maxLength: 200, description: 'Phone, e-mail or postal address (encrypted)' })
  @IsString({ message: 'contact must be text' })
  @MaxLength(200, { message: 'contact must be at most 200 characters' })
  contact: string;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString({ message: 'facts must be text' })
  @MaxLength(2000, { message: 'facts must be at most 2000 characters' })
  facts: string;

  @ApiProperty({ enum: STAFF_CHANNELS, description: 'How the objection arrived' })
  @IsIn(STAFF_CHANNELS, { message: 'channel must be letter, phone or visit' })
  channel: (typeof STAFF_CHANNELS)[number];

  @ApiPropertyOptional({ description: "An organisation's letter bears its official seal" })
  @IsOptional()
  @IsBoolean({ message: 'sealConfirmed must be true or false' })
  sealConfirmed?: boolean;
}

export class TriageObjectionBody {
  @ApiProperty({ enum: TRIAGE_STATUSES })
  @IsIn(TRIAGE_STATUSES, { message: 'status must be investigating, upheld or dismissed' })
  status: (typeof TRIAGE_STATUSES)[number];

  @ApiProperty({ minLength: 2, maxLength: 2000, description: 'What the investigation found' })
  @IsString({ message: 'findings must be text' })
  @MinLength(2, { message: 'findings must be at least 2 characters' })
  @MaxLength(2000, { message: 'findings must be at most 2000 characters' })
  findings: string;
}
