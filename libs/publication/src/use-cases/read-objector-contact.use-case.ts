import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError, PiiCipher } from '@craftcert/platform';
import { ObjectionRepository } from '../persistence/objection.repository';

/** The secretariat reads an objector's name and contact details: always audited. */
@Injectable()
export class ReadObjectorContactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly objections: ObjectionRepository,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(objectionId: string): Promise<{ name: string; contact: string }> {
    const objection = await this.objections.byId(objectionId);
    if (!objection) throw new NotFoundError(`Objection ${objectionId}`);
    const contact = this.cipher.decrypt<{ name: string; contact: string }>(
      objection.contactCiphertext,
    );
    await this.audit.recordStandalone(this.dataSource, {
      action: 'pii.read',
      subjectType: 'objection',
      subjectId: objection.id,
      after: { fields: ['name', 'contact'] },
    });
    return contact;
  }
}
