import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { addOutboxEvent, PiiCipher, Topic } from '@craftcert/platform';
import { randomToken, tokenHash } from '../auth/secrets';
import { OneTimeTokenEntity } from '../persistence/one-time-token.entity';
import { expireOpenResets } from '../persistence/one-time-token.repository';
import { UserEntity } from '../persistence/user.entity';

const RESET_TTL_MINUTES = 60;

/**
 * Forgotten passwords: a single-use, one-hour link goes out by e-mail; earlier links stop working.
 *
 * The request is answered before anything is looked up: the account look-up and the link are
 * done after the answer, so a known, an unknown and a disabled e-mail take the same path up to
 * the response and cannot be told apart by its timing. Work still running at shutdown is awaited.
 */
@Injectable()
export class RequestPasswordResetUseCase implements OnModuleDestroy {
  private readonly logger = new Logger('PasswordReset');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly cipher: PiiCipher,
  ) {}

  /** Accepts the request; the link (if the account exists) is issued right after. */
  execute(email: string): void {
    const work = this.issue(email).catch((error: unknown) =>
      this.logger.error(`password reset could not be issued: ${(error as Error).message}`),
    );
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /** Resolves once every request accepted so far has been handled. */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  onModuleDestroy(): Promise<void> {
    return this.settled();
  }

  private async issue(email: string): Promise<void> {
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
