import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError, RequestValidationError } from '@craftcert/platform';
import { EditionEntity, EditionWindowChangeEntity } from '../persistence/edition.entity';

/** Moves an edition's nomination deadline later, recording who did it and why. */
@Injectable()
export class ExtendNominationWindowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  execute(
    editionId: string,
    closesAt: Date,
    reason: string,
    actorId: string,
  ): Promise<EditionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const edition = await tx.findOne(EditionEntity, {
        where: { id: editionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!edition) throw new NotFoundError(`Edition ${editionId}`);
      if (closesAt <= edition.nominationClosesAt) {
        throw new RequestValidationError([
          {
            path: 'closesAt',
            message: `closesAt must be later than the current deadline ${edition.nominationClosesAt.toISOString()}`,
          },
        ]);
      }
      await tx.insert(EditionWindowChangeEntity, {
        editionId,
        previousClosesAt: edition.nominationClosesAt,
        newClosesAt: closesAt,
        reason,
        changedBy: actorId,
      });
      const before = edition.nominationClosesAt.toISOString();
      edition.nominationClosesAt = closesAt;
      await tx.save(edition);
      await this.audit.record(tx, {
        action: 'edition.window-extended',
        subjectType: 'edition',
        subjectId: editionId,
        before: { nominationClosesAt: before },
        after: { nominationClosesAt: closesAt.toISOString(), reason },
      });
      return edition;
    });
  }
}
