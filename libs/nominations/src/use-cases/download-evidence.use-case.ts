import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { NotFoundError } from '@craftcert/platform';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../persistence/evidence-storage';
import { NominationRepository } from '../persistence/nomination.repository';

/** Staff within scope download an evidence file; every download is audited. */
@Injectable()
export class DownloadEvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async execute(
    actor: SignedInActor,
    nominationId: string,
    fileId: string,
  ): Promise<{ file: EvidenceFileEntity; bytes: Buffer }> {
    await this.nominations.findVisible(actor, nominationId);
    const file = await this.dataSource.manager.findOneBy(EvidenceFileEntity, {
      id: fileId,
      nominationId,
    });
    if (!file) throw new NotFoundError(`Evidence file ${fileId}`);
    const bytes = await this.storage.get(file.storageKey);
    await this.audit.recordStandalone(this.dataSource, {
      action: 'evidence.downloaded',
      subjectType: 'nomination',
      subjectId: nominationId,
      after: { file: file.id, kind: file.kind },
    });
    return { file, bytes };
  }
}
