import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { addOutboxEvent, Topic } from '@craftcert/platform';
import { CertificateRepository } from '../persistence/certificate.repository';

/**
 * Revokes a whole edition's certificates on one set of grounds, as one operation: all or none,
 * one audit record listing the numbers. Certificates already revoked keep their own grounds.
 */
@Injectable()
export class RevokeEditionCertificatesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, editionId: string, grounds: string) {
    return this.dataSource.transaction(async (tx) => {
      const at = new Date();
      const revoked = await this.certificates.revokeEdition(tx, editionId, {
        grounds,
        actorId: actor.userId,
        at,
      });
      await this.audit.record(tx, {
        action: 'certificate.batch-revoked',
        subjectType: 'edition',
        subjectId: editionId,
        after: { count: revoked.length, certificateNos: revoked, grounds },
      });
      if (revoked.length > 0) {
        await addOutboxEvent(tx, Topic.CertificatesRevoked, { editionId, count: revoked.length });
      }
      return { editionId, revoked: revoked.length, certificateNos: revoked, revokedAt: at };
    });
  }
}
