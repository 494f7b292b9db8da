import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, PiiCipher, Topic } from '@craftcert/platform';
import { randomToken, tokenHash } from '../auth/secrets';
import { OneTimeTokenEntity } from '../persistence/one-time-token.entity';
import { expireOpenResets } from '../persistence/one-time-token.repository';
import { UserEntity } from '../persistence/user.entity';

const RESET_TTL_MINUTES = 60;

/** Forgotten passwords: a single-use, one-hour link goes out by e-mail; earlier links stop working. */
@Injectable()
export class RequestPasswordResetUseCase {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly cipher: PiiCipher,
  ) {}

  /** Answers the same whether or not the e-mail is known, so it cannot be used to probe accounts. */
  async execute(email: string): Promise<void> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, {
      email: email.toLowerCase(),
    });
    if (!user || user.disabledAt) {
      this.logger.log('password reset requested for an unknown or disabled account');
      return;
    }
    const token = randomToken();
    await this.dataSource.transaction(async (tx) => {
      await expireOpenResets(tx, user.id);
      const reset = await tx.save(
        tx.create(OneTimeTokenEntity, {
          kind: 'passwordReset',
          tokenHash: tokenHash(token),
          email: user.email,
          userId: user.id,
          organisationId: null,
          roles: null,
          createdBy: null,
          usedAt: null,
          expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
          linkCiphertext: this.cipher.encrypt(token),
          language: user.language,
        }),
      );
      await addOutboxEvent(tx, Topic.PasswordResetRequested, {
        resetId: reset.id,
        userId: user.id,
      });
      await this.audit.record(tx, {
        action: 'user.password-reset-requested',
        subjectType: 'user',
        subjectId: user.id,
        after: { token: reset.id },
        actor: null,
      });
    });
  }
}
