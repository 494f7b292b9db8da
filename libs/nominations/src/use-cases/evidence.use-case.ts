import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { DomainError, NotFoundError, RequestValidationError } from '@craftcert/platform';
import { InvalidTransitionError } from '../domain/nomination.errors';
import { EDITABLE } from '../domain/nomination-status';
import { detectContentType } from '../evidence/content-type';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../evidence/evidence-storage';
import { EditionContexts } from '../persistence/edition-context';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import { NominationAccess } from '../persistence/nomination-access';

/** Typed evidence attachments: checked against the definition's limits by their real content. */
@Injectable()
export class EvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: EditionContexts,
    private readonly access: NominationAccess,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async upload(
    actor: SignedInActor,
    nominationId: string,
    upload: { kind: string; fileName: string; bytes: Buffer },
  ): Promise<EvidenceFileEntity> {
    const nomination = await this.access.load(actor, nominationId, undefined, {
      ownUnitOnly: true,
    });
    if (!EDITABLE.includes(nomination.status))
      throw new InvalidTransitionError('attach evidence to', nomination.status);
    const { definition } = await this.editions.load(nomination.editionId);
    const kind = definition.dossier.evidence.find((e) => e.kind === upload.kind);
    if (!kind) {
      const kinds = definition.dossier.evidence.map((e) => e.kind).join(', ');
      throw new RequestValidationError([
        { path: 'kind', message: `kind must be one of: ${kinds}` },
      ]);
    }
    if (upload.bytes.length === 0)
      throw new RequestValidationError([{ path: 'file', message: 'file is empty' }]);
    if (upload.bytes.length > kind.maxSizeBytes) {
      throw new RequestValidationError([
        {
          path: 'file',
          message: `${kind.kind} files may be at most ${kind.maxSizeBytes} bytes (got ${upload.bytes.length})`,
        },
      ]);
    }
    const contentType = detectContentType(upload.bytes);
    if (!contentType || !kind.formats.includes(contentType)) {
      throw new RequestValidationError([
        {
          path: 'file',
          message: `${kind.kind} must be ${kind.formats.join(' or ')}; the file's content is ${contentType ?? 'not a recognised format'}`,
        },
      ]);
    }
    const stored = await this.storage.put(upload.bytes);
    try {
      return await this.dataSource.transaction(async (tx) => {
        // Counted under the nomination's row lock, so two uploads cannot both take the last slot.
        const locked = await this.access.load(actor, nominationId, tx, {
          lock: true,
          ownUnitOnly: true,
        });
        if (!EDITABLE.includes(locked.status)) {
          throw new InvalidTransitionError('attach evidence to', locked.status);
        }
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

  async list(actor: SignedInActor, nominationId: string): Promise<EvidenceFileEntity[]> {
    await this.access.load(actor, nominationId);
    return this.dataSource.manager.find(EvidenceFileEntity, {
      where: { nominationId },
      order: { createdAt: 'ASC' },
    });
  }

  async download(
    actor: SignedInActor,
    nominationId: string,
    fileId: string,
  ): Promise<{ file: EvidenceFileEntity; bytes: Buffer }> {
    await this.access.load(actor, nominationId);
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

  async remove(actor: SignedInActor, nominationId: string, fileId: string): Promise<void> {
    const key = await this.dataSource.transaction(async (tx) => {
      const nomination = await this.access.load(actor, nominationId, tx, {
        lock: true,
        ownUnitOnly: true,
      });
      if (!EDITABLE.includes(nomination.status))
        throw new InvalidTransitionError('remove evidence from', nomination.status);
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
