import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError, PiiCipher } from '@craftcert/platform';
import { openDossier } from '../domain/sealed-dossier';
import { NominationEntity } from '../persistence/nomination.entity';

/**
 * A nomination's whole dossier, read-only, for a reader another context has already authorised
 * (a department reviewer holding one of its review tasks). The personal data in it is decrypted,
 * so the read is audited as every staff read of personal data is.
 */
@Injectable()
export class ReadDossierForReviewUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    nominationId: string,
    purpose: { subjectType: string; subjectId: string },
  ): Promise<{ candidate: string; channelId: string; dossier: Record<string, unknown> }> {
    const nomination = await this.dataSource.manager.findOneBy(NominationEntity, {
      id: nominationId,
    });
    if (!nomination) throw new NotFoundError(`Nomination ${nominationId}`);
    const dossier = openDossier(nomination, this.cipher);
    await this.audit.recordStandalone(this.dataSource, {
      action: 'pii.read',
      subjectType: 'nomination',
      subjectId: nominationId,
      after: {
        via: purpose,
        fields: Object.keys(this.cipher.decrypt<Record<string, unknown>>(nomination.piiCiphertext)),
      },
    });
    return { candidate: nomination.maskedName, channelId: nomination.channelId, dossier };
  }
}
