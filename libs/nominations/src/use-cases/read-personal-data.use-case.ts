import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import type { SignedInActor } from '@craftcert/identity';
import { PiiCipher } from '@craftcert/platform';
import { NominationRepository } from '../persistence/nomination.repository';

/**
 * Staff reading a candidate's personal data: allowed by role and scope (a draft only within its
 * own unit), and always audited.
 */
@Injectable()
export class ReadPersonalDataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: SignedInActor, nominationId: string): Promise<Record<string, unknown>> {
    const nomination = await this.nominations.findVisible(actor, nominationId);
    const personal = this.cipher.decrypt<Record<string, unknown>>(nomination.piiCiphertext);
    await this.audit.recordStandalone(this.dataSource, {
      action: 'pii.read',
      subjectType: 'nomination',
      subjectId: nominationId,
      after: { fields: Object.keys(personal) },
    });
    return personal;
  }
}
