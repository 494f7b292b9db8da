import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import {
  addOutboxEvent,
  AppConfig,
  DomainError,
  NotFoundError,
  RequestValidationError,
  translateConstraintError,
} from '@craftcert/platform';
import { hashPassword, randomToken, tokenHash } from '../auth/secrets';
import { InvalidLinkError } from '../domain/identity.errors';
import { Role, ROLE_ORGANISATION_KINDS } from '../domain/roles';
import { OneTimeTokenEntity } from '../persistence/one-time-token.entity';
import { OrganisationEntity } from '../persistence/organisation.entity';
import { UserEntity } from '../persistence/user.entity';
import { IssuedTokens, SessionsUseCase } from './sessions.use-case';

const INVITATION_TTL_DAYS = 7;

export interface InviteUserCommand {
  email: string;
  organisationId: string;
  roles: Role[];
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
export class InvitationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly sessions: SessionsUseCase,
    private readonly config: AppConfig,
  ) {}

  invite(command: InviteUserCommand, invitedBy: string): Promise<Invitation> {
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
        }),
      );
      const acceptUrl = `${this.config.PUBLIC_URL}/accept-invitation?token=${token}`;
      await addOutboxEvent(tx, 'identity.invitation-created', {
        email,
        acceptUrl,
        organisation: organisation.name,
      });
      await this.audit.record(tx, {
        action: 'user.invited',
        subjectType: 'invitation',
        subjectId: invitation.id,
        after: { email, organisationId: organisation.id, roles: command.roles },
      });
      return { id: invitation.id, email, expiresAt: invitation.expiresAt, acceptUrl };
    });
  }

  accept(token: string, displayName: string, password: string): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (tx) => {
      const invitation = await consumeToken(tx, 'invitation', token);
      try {
        const user = await tx.save(
          tx.create(UserEntity, {
            email: invitation.email,
            displayName,
            passwordHash: await hashPassword(password),
            organisationId: invitation.organisationId!,
            roles: invitation.roles ?? [],
            failedLogins: 0,
            lockedUntil: null,
            disabledAt: null,
          }),
        );
        await this.audit.record(tx, {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          after: {
            email: user.email,
            organisationId: user.organisationId,
            roles: user.roles,
            invitation: invitation.id,
          },
          actor: { userId: user.id, organisationId: user.organisationId, roles: user.roles },
        });
        return this.sessions.openSession(tx, user);
      } catch (error) {
        translateConstraintError(error, {
          uq_app_user_email: 'An account with this e-mail already exists',
        });
      }
    });
  }
}

/**
 * Marks a one-time token used, atomically: of two concurrent uses exactly one succeeds.
 * Unknown, used and expired tokens are refused alike.
 */
export async function consumeToken(
  tx: EntityManager,
  kind: OneTimeTokenEntity['kind'],
  token: string,
): Promise<OneTimeTokenEntity> {
  const { raw } = await tx
    .createQueryBuilder()
    .update(OneTimeTokenEntity)
    .set({ usedAt: () => 'now()' })
    .where('token_hash = :hash AND kind = :kind AND used_at IS NULL AND expires_at > now()', {
      hash: tokenHash(token),
      kind,
    })
    .returning('*')
    .execute();
  const row = (raw as Record<string, unknown>[])[0];
  if (!row) throw new InvalidLinkError();
  return tx.getRepository(OneTimeTokenEntity).create({
    id: row.id as string,
    email: row.email as string,
    userId: row.user_id as string | null,
    organisationId: row.organisation_id as string | null,
    roles: row.roles as Role[] | null,
  });
}
