import { ApiProperty } from '@nestjs/swagger';
import { OrganisationEntity } from '../persistence/organisation.entity';
import { UserEntity } from '../persistence/user.entity';
import type { IssuedTokens } from '../auth/session-tokens';
import type { Invitation } from '../use-cases/invite-user.use-case';

export class TokensResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty() expiresIn: number;

  static from(t: IssuedTokens): TokensResponse {
    return {
      accessToken: t.accessToken,
      refreshToken: t.refreshToken,
      tokenType: 'Bearer',
      expiresIn: t.accessTtlSeconds,
    };
  }
}

export class OrganisationResponse {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) district: string | null;
  @ApiProperty({ type: String, nullable: true }) industrySection: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseType: string | null;

  static from(o: OrganisationEntity): OrganisationResponse {
    return {
      id: o.id,
      kind: o.kind,
      name: o.name,
      parentId: o.parentId,
      district: o.district,
      industrySection: o.industrySection,
      enterpriseType: o.enterpriseType,
    };
  }
}

/** Never carries the password hash, lockout counters or other secrets. */
export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: [String] }) roles: string[];

  static from(u: UserEntity): UserResponse {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      organisationId: u.organisationId,
      roles: u.roles,
    };
  }
}

/** The same answer whether or not the address belongs to an account. */
export class PasswordResetRequestedResponse {
  @ApiProperty() status: string;

  static create(): PasswordResetRequestedResponse {
    return { status: 'If the address belongs to an account, a reset link is on its way.' };
  }
}

export class InvitationResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'The single-use link, shown once for the admin to pass on' })
  acceptUrl: string;

  static from(i: Invitation): InvitationResponse {
    return {
      id: i.id,
      email: i.email,
      expiresAt: i.expiresAt.toISOString(),
      acceptUrl: i.acceptUrl,
    };
  }
}
