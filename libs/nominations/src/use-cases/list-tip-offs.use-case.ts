import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { PiiCipher } from '@craftcert/platform';
import { TipOffEntity } from '../persistence/evidence.entity';
import type { TipOffContact } from './receive-tip-off.use-case';

export interface TipOff {
  id: string;
  candidateName: string;
  employer: string;
  reason: string;
  contact: TipOffContact;
  receivedAt: Date;
}

/** The secretariat's follow-up list; the tipsters' contact details are personal data, so the read is audited. */
@Injectable()
export class ListTipOffsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(editionId: string): Promise<TipOff[]> {
    const tips = await this.dataSource.manager.find(TipOffEntity, {
      where: { editionId },
      order: { createdAt: 'DESC' },
    });
    if (tips.length > 0) {
      await this.audit.recordStandalone(this.dataSource, {
        action: 'pii.read',
        subjectType: 'edition',
        subjectId: editionId,
        after: { tipOffs: tips.map((t) => t.id) },
      });
    }
    return tips.map((tip) => ({
      id: tip.id,
      candidateName: tip.candidateName,
      employer: tip.employer,
      reason: tip.reason,
      contact: this.cipher.decrypt<TipOffContact>(tip.contactCiphertext),
      receivedAt: tip.createdAt,
    }));
  }
}
