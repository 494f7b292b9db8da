import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { addOutboxEvent, NotFoundError, Topic } from '@craftcert/platform';
import { CertificateRevokedError } from '../domain/publication.errors';
import { CertificateRepository } from '../persistence/certificate.repository';

/**
 * The secretariat revokes a certificate on stated grounds: the verification page and the
 * credential's status say so from the next request on. Audited; a second revocation is refused.
 */
@Injectable()
export class RevokeCertificateUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateRepository,
    private readonly audit: AuditLog,
  ) {}

  execute(actor: SignedInActor, certificateNo: string, grounds: string) {
    return this.dataSource.transaction(async (tx) => {
      const certificate = await this.certificates.lock(tx, certificateNo);
      if (!certificate) throw new NotFoundError(`Certificate ${certificateNo}`);
      if (certificate.status === 'revoked') throw new CertificateRevokedError(certificateNo);
      const at = new Date();
      await this.certificates.revoke(tx, certificate.id, { grounds, actorId: actor.userId, at });
      await this.audit.record(tx, {
        action: 'certificate.revoked',
        subjectType: 'certificate',
        subjectId: certificate.id,
        before: { status: 'valid' },
        after: { status: 'revoked', certificateNo, grounds },
      });
      await addOutboxEvent(tx, Topic.CertificateRevoked, {
        certificateNo,
        editionId: certificate.editionId,
      });
      return {
        certificateNo,
        status: 'revoked' as const,
        revokedAt: at,
        revocationGrounds: grounds,
      };
    });
  }
}
