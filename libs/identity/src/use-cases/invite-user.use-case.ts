import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import {
  addOutboxEvent,
  AppConfig,
  DomainError,
  NotFoundError,
  PiiCipher,
  RequestValidationError,
  Topic,
} from '@craftcert/platform';
import { randomToken, tokenHash } from '../auth/secrets';
import { invitationLink } from '../domain/links';
import { Role, ROLE_ORGANISATION_KINDS } from '../domain/roles';
import { OneTimeTokenEntity } from '../persistence/one-time-token.entity';
import { OrganisationEntity } from '../persistence/organisation.entity';
import { UserEntity } from '../persistence/user.entity';

const INVITATION_TTL_DAYS = 7;

export interface InviteUserCommand {
  email: string;
  organisationId: string;
  roles: Role[];
  language?: 'zh' | 'en';
}

export interface Invitation {
  id: string;
  email: string;
  expiresAt: Date;
  /** Returned once, for the admin to pass on; the e-mail goes out through the outbox. */
  acceptUrl: string;
}

/** An admin invites someone by e-mail; the single-use link creates their account. */
@Injectable()
export class InviteUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
  ) {}

  execute(command: InviteUserCommand, invitedBy: string): Promise<Invitation> {
    const email = command.email.toLowerCase();
    return this.dataSource.transaction(async (tx) => {
      const organisation = await tx.findOneBy(OrganisationEntity, { id: command.organisationId });
      if (!organisation) throw new NotFoundError(`Organisation ${command.organisationId}`);
      const misplaced = command.roles.filter(
        (r) => !ROLE_ORGANISATION_KINDS[r].includes(organisation.kind),
      );
      if (misplaced.length > 0) {
        throw new RequestValidationError([
          {
            path: 'roles',
            message: `${misplaced.join(', ')} cannot be held in a ${organisation.kind}`,
          },
        ]);
      }
      if (await tx.existsBy(UserEntity, { email })) {
        throw new DomainError('CONFLICT', `A user with e-mail ${email} already exists`);
      }
      const token = randomToken();
      const invitation = await tx.save(
        tx.create(OneTimeTokenEntity, {
          kind: 'invitation',
          tokenHash: tokenHash(token),
          email,
          organisationId: organisation.id,
          roles: command.roles,
          createdBy: invitedBy,
          userId: null,
          usedAt: null,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000),
          linkCiphertext: this.cipher.encrypt(token),
          language: command.language ?? 'zh',
        }),
      );
      const acceptUrl = invitationLink(this.config.PUBLIC_URL, token);
      await addOutboxEvent(tx, Topic.InvitationCreated, { invitationId: invitation.id });
      await this.audit.record(tx, {
        action: 'user.invited',
        subjectType: 'invitation',
        subjectId: invitation.id,
        after: { email, organisationId: organisation.id, roles: command.roles },
      });
      return { id: invitation.id, email, expiresAt: invitation.expiresAt, acceptUrl };
    });
  }
}
