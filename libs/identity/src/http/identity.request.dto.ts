import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, Role, ROLES } from '../domain/roles';

const PASSWORD_RULE = 'password must be 10–200 characters';

export class LoginRequest {
  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
  @ApiProperty() @IsString() @Length(1, 200) password: string;
}

export class RefreshRequest {
  @ApiPropertyOptional({ description: 'Omit when the refresh cookie is sent instead' })
  @IsOptional()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}

export class CreateOrganisationRequest {
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of: ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;

  @ApiProperty() @IsString() @Length(1, 200) name: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) district?: string;

  @ApiPropertyOptional({ pattern: '^[A-T]$', description: 'GB/T 4754 section letter A–T' })
  @IsOptional()
  @Matches(/^[A-T]$/, { message: 'industrySection must be a GB/T 4754 section letter A–T' })
  industrySection?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) enterpriseType?: string;
}

export class InviteUserRequest {
  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'Language of their messages (zh)' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'language must be zh or en' })
  language?: 'zh' | 'en';
}

export class AcceptInvitationRequest {
  @ApiProperty() @IsString() @Length(20, 200) token: string;
  @ApiProperty() @IsString() @Length(1, 100) displayName: string;
  @ApiProperty() @IsString() @Length(10, 200, { message: PASSWORD_RULE }) password: string;
}

export class PasswordResetRequest {
  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmRequest {
  @ApiProperty() @IsString() @Length(20, 200) token: string;
  @ApiProperty() @IsString() @Length(10, 200, { message: PASSWORD_RULE }) password: string;
}

export class ChangePasswordRequest {
  @ApiProperty() @IsString() @Length(1, 200) currentPassword: string;
  @ApiProperty()
  @IsString()
  @Length(10, 200, { message: 'newPassword must be 10–200 characters' })
  newPassword: string;
}

export class OrganisationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;
}

export class UserParams {
  @ApiProperty({ format: 'uuid', description: 'The user' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}
