import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { isNominationWindowOpen, LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { NominationWindowClosedError } from '../domain/nomination.errors';
import { requireStatus, WITHDRAWABLE } from '../domain/nomination-status';
import { statusChangeAudit } from '../domain/status-change';
import { NominationEntity } from '../persistence/nomination.entity';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * The unit takes its nomination back (to correct it, or for good) before the deadline; its
 * place under the cap is free again.
 */
@Injectable()
export class WithdrawNominationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, nominationId: string, reason?: string): Promise<NominationEntity> {
    return this.dataSource.transaction(async (tx) => {
      // Withdrawing is the unit's own act, even for an approver of a union above it.
      const nomination = await this.nominations.lockOwn(tx, actor, nominationId);
      requireStatus(nomination, WITHDRAWABLE, 'withdraw');
      const { edition } = await this.editions.execute(nomination.editionId, tx);
      if (!isNominationWindowOpen(edition))
        throw new NominationWindowClosedError(
          edition.nominationOpensAt,
          edition.nominationClosesAt,
        );
      const note = reason ?? null;
      const from = await this.nominations.changeStatus(tx, nomination, 'withdrawn', actor, note);
      await this.audit.record(tx, statusChangeAudit(nomination, from, note));
      return nomination;
    });
  }
}
