import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError } from '@craftcert/platform';
import { accountHashOf } from '../auth/secrets';
import { clearAccountThrottle } from '../persistence/sign-in-attempt.repository';
import { UserEntity } from '../persistence/user.entity';

/**
 * An administrator lifts an account's sign-in delays (its own counters, from every address);
 * the delays of the addresses that failed stay, so the attacker is still slowed.
 */
@Injectable()
export class UnlockUserUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const user = await tx.findOneBy(UserEntity, { id: userId });
      if (!user) throw new NotFoundError(`User ${userId}`);
      const cleared = await clearAccountThrottle(tx, accountHashOf(user.email));
      await this.audit.record(tx, {
        action: 'user.unlocked',
        subjectType: 'user',
        subjectId: user.id,
        after: { clearedCounters: cleared },
      });
    });
  }
}
