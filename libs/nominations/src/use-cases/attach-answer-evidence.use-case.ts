import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DomainError, NotFoundError } from '@craftcert/platform';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { checkEvidence } from '../domain/evidence-checks';
import { EvidenceFileEntity } from '../persistence/evidence.entity';
import { EVIDENCE_STORAGE, EvidenceStorage } from '../persistence/evidence-storage';
import { NominationEntity } from '../persistence/nomination.entity';

export interface AnswerEvidenceUpload {
  nominationId: string;
  /** The answering unit: it must be the nomination's nominating unit. */
  organisationId: string;
  userId: string;
  /** The request for information the file answers (another context's id, kept as a reference). */
  requestId: string;
  kind: string;
  fileName: string;
  bytes: Buffer;
}

/**
 * The nominating unit sends new evidence in answer to a review's request for more information.
 * The same checks as the dossier's own evidence (a kind of the definition, its formats by the
 * real content, its size, its count — counted per request), without the dossier being editable.
 * `guard` runs first inside the transaction: the caller re-checks, under a lock, that the
 * request still stands.
 */
@Injectable()
export class AttachAnswerEvidenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly audit: AuditLog,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async execute(
    upload: AnswerEvidenceUpload,
    guard: (tx: EntityManager) => Promise<void>,
  ): Promise<EvidenceFileEntity> {
    const nomination = await this.dataSource.manager.findOneBy(NominationEntity, {
      id: upload.nominationId,
    });
    if (!nomination || nomination.nominatingOrganisationId !== upload.organisationId) {
      throw new NotFoundError(`Nomination ${upload.nominationId}`);
    }
    const { definition } = await this.editions.execute(nomination.editionId);
    const { kind, contentType } = checkEvidence(definition, upload);
    const stored = await this.storage.put(upload.bytes);
    try {
      return await this.dataSource.transaction(async (tx) => {
        await guard(tx);
        const count = await tx.countBy(EvidenceFileEntity, {
          answersRequestId: upload.requestId,
          kind: kind.kind,
        });
        if (kind.maxCount !== undefined && count >= kind.maxCount) {
          throw new DomainError(
            'CONFLICT',
            `At most ${kind.maxCount} ${kind.kind} file(s) may be sent with one answer`,
          );
        }
        const file = await tx.save(
          tx.create(EvidenceFileEntity, {
            nominationId: nomination.id,
            kind: kind.kind,
            fileName: upload.fileName,
            contentType,
            sizeBytes: upload.bytes.length,
            sha256: stored.sha256,
            storageKey: stored.key,
            uploadedBy: upload.userId,
            answersRequestId: upload.requestId,
          }),
        );
        await this.audit.record(tx, {
          action: 'evidence.uploaded',
          subjectType: 'nomination',
          subjectId: nomination.id,
          after: {
            file: file.id,
            kind: kind.kind,
            contentType,
            sizeBytes: file.sizeBytes,
            sha256: stored.sha256,
            answersRequest: upload.requestId,
          },
        });
        return file;
      });
    } catch (error) {
      await this.storage.delete(stored.key).catch(() => undefined);
      throw error;
    }
  }

  /** The files sent with each of the given requests, oldest first (metadata only). */
  async listFor(requestIds: readonly string[]): Promise<Map<string, EvidenceFileEntity[]>> {
    const byRequest = new Map<string, EvidenceFileEntity[]>(requestIds.map((id) => [id, []]));
    if (requestIds.length === 0) return byRequest;
    const files = await this.dataSource.manager.find(EvidenceFileEntity, {
      where: { answersRequestId: In([...requestIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const f of files) byRequest.get(f.answersRequestId!)?.push(f);
    return byRequest;
  }
}
