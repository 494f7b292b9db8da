import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { NotFoundError } from '@craftcert/platform';
import { EDITABLE, requireStatus } from '../domain/nomination-status';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../persistence/evidence-storage';
import { NominationRepository } from '../persistence/nomination.repository';

/** The unit removes an evidence file from an editable nomination; the bytes go once the row has. */
@Injectable()
export class RemoveEvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async execute(actor: SignedInActor, nominationId: string, fileId: string): Promise<void> {
    const key = await this.dataSource.transaction(async (tx) => {
      const nomination = await this.nominations.lockOwn(tx, actor, nominationId);
      requireStatus(nomination, EDITABLE, 'remove evidence from');
      const file = await tx.findOneBy(EvidenceFileEntity, { id: fileId, nominationId });
      if (!file) throw new NotFoundError(`Evidence file ${fileId}`);
      await tx.delete(EvidenceFileEntity, { id: fileId });
      await this.audit.record(tx, {
        action: 'evidence.removed',
        subjectType: 'nomination',
        subjectId: nominationId,
        after: { file: fileId },
      });
      return file.storageKey;
    });
    await this.storage.delete(key);
  }
}
