import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { AppConfig } from '@craftcert/platform';
import { hashPassword, randomToken } from '../auth/secrets';
import { OrganisationEntity } from '../persistence/organisation.entity';
import { UserEntity } from '../persistence/user.entity';
import { lockFirstStart } from '../persistence/user.repository';

/**
 * On first start with no users: creates the secretariat and its first admin from ADMIN_EMAIL /
 * ADMIN_PASSWORD, or prints a one-time password once when none was configured.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generated = this.config.ADMIN_PASSWORD ? undefined : randomToken().slice(0, 20);
    const password = this.config.ADMIN_PASSWORD ?? generated!;
    const email = (this.config.ADMIN_EMAIL ?? 'admin@craftcert.local').toLowerCase();
    const created = await this.dataSource.transaction(async (tx) => {
      await lockFirstStart(tx);
      if ((await tx.count(UserEntity)) > 0) return false;
      const id = randomUUID();
      await tx.insert(OrganisationEntity, {
        id,
        kind: 'secretariat',
        name: 'Secretariat',
        parentId: null,
        path: `/${id}/`,
      });
      const user = await tx.save(
        tx.create(UserEntity, {
          email,
          displayName: 'Administrator',
          passwordHash: await hashPassword(password),
          organisationId: id,
          roles: ['secretariatAdmin'],
          // A generated password was printed where others may see it: it opens only the page
          // that replaces it.
          passwordChangeRequired: generated !== undefined,
          disabledAt: null,
        }),
      );
      await this.audit.record(tx, {
        action: 'user.bootstrapped',
        subjectType: 'user',
        subjectId: user.id,
        after: { email, roles: user.roles },
        actor: null,
      });
      return true;
    });
    if (created && generated) {
      // Printed once, on the start that created the account; it is stored only as a hash. Written
      // directly, whatever LOG_LEVEL says, and as a JSON line like every other line of output
      // unless a person is reading the terminal.
      process.stdout.write(
        process.stdout.isTTY
          ? `\n  First administrator created: ${email}\n  One-time password: ${generated}\n  Sign in and change it.\n\n`
          : `${JSON.stringify({
              level: 40,
              time: Date.now(),
              context: 'BootstrapAdmin',
              msg: `One-time password: ${generated} (first administrator ${email}; sign in and change it)`,
            })}\n`,
      );
    } else if (created) {
      this.logger.log(`first administrator ${email} created`);
    }
  }
}
