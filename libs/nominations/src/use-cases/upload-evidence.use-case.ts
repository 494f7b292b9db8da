import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { DomainError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { checkEvidence } from '../domain/evidence-checks';
import { EDITABLE, requireStatus } from '../domain/nomination-status';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../persistence/evidence-storage';
import { NominationRepository } from '../persistence/nomination.repository';

/** Attaches a typed evidence file, checked against the definition's limits by its real content. */
@Injectable()
export class UploadEvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async execute(
    actor: SignedInActor,
    nominationId: string,
    upload: { kind: string; fileName: string; bytes: Buffer },
  ): Promise<EvidenceFileEntity> {
    const nomination = await this.nominations.findOwn(actor, nominationId);
    requireStatus(nomination, EDITABLE, 'attach evidence to');
    const { definition } = await this.editions.execute(nomination.editionId);
    const { kind, contentType } = checkEvidence(definition, upload);
    const stored = await this.storage.put(upload.bytes);
    try {
      return await this.dataSource.transaction(async (tx) => {
        // Counted under the nomination's row lock, so two uploads cannot both take the last slot.
        const locked = await this.nominations.lockOwn(tx, actor, nominationId);
        requireStatus(locked, EDITABLE, 'attach evidence to');
        const count = await tx.countBy(EvidenceFileEntity, { nominationId, kind: kind.kind });
        if (kind.maxCount !== undefined && count >= kind.maxCount) {
          throw new DomainError(
            'CONFLICT',
            `At most ${kind.maxCount} ${kind.kind} file(s) may be attached`,
          );
        }
        const file = await tx.save(
          tx.create(EvidenceFileEntity, {
            nominationId,
            kind: kind.kind,
            fileName: upload.fileName,
            contentType,
            sizeBytes: upload.bytes.length,
            sha256: stored.sha256,
            storageKey: stored.key,
            uploadedBy: actor.userId,
          }),
        );
        await this.audit.record(tx, {
          action: 'evidence.uploaded',
          subjectType: 'nomination',
          subjectId: nominationId,
          after: {
            file: file.id,
            kind: kind.kind,
            contentType,
            sizeBytes: file.sizeBytes,
            sha256: stored.sha256,
          },
        });
        return file;
      });
    } catch (error) {
      // The row never committed: do not leave an orphaned file behind.
      await this.storage.delete(stored.key).catch(() => undefined);
      throw error;
    }
  }
}
