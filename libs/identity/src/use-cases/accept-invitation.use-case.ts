import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { translateConstraintError } from '@craftcert/platform';
import { hashPassword } from '../auth/secrets';
import { IssuedTokens, SessionTokens } from '../auth/session-tokens';
import { consumeOneTimeToken } from '../persistence/one-time-token.repository';
import { UserEntity } from '../persistence/user.entity';

/** The invitation link creates the account, with the roles the admin chose, and signs it in. */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionTokens,
    private readonly audit: AuditLog,
  ) {}

  execute(token: string, displayName: string, password: string): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (tx) => {
      const invitation = await consumeOneTimeToken(tx, 'invitation', token);
      try {
        const user = await tx.save(
          tx.create(UserEntity, {
            email: invitation.email,
            displayName,
            passwordHash: await hashPassword(password),
            organisationId: invitation.organisationId!,
            roles: invitation.roles ?? [],
            language: invitation.language,
            disabledAt: null,
          }),
        );
        const issued = await this.sessions.open(tx, user);
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
        return issued;
      } catch (error) {
        translateConstraintError(error, {
          uq_app_user_email: 'An account with this e-mail already exists',
        });
      }
    });
  }
}
