import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CERTIFICATE_NUMBER_PATTERN } from '../domain/certificate-number';

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
