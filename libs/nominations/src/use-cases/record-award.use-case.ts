import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { normaliseIdNumber } from '@craftcert/pipeline';
import { PiiCipher } from '@craftcert/platform';
import { AwardEntity } from '../persistence/nomination.entity';

/**
 * Records a past award (e.g. earlier editions' lists, imported once), so repeat-winner bans and
 * prior-award rules apply at submission. Only a keyed hash of the ID number is kept.
 */
@Injectable()
export class RecordAwardUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
  ) {}

  execute(award: {
    idNumber: string;
    programmeCode: string;
    year: number;
    tier?: string;
  }): Promise<AwardEntity> {
    return this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(AwardEntity, {
          identityHash: this.cipher.identityHash(normaliseIdNumber(award.idNumber)),
          programmeCode: award.programmeCode,
          year: award.year,
          tier: award.tier ?? null,
        }),
      );
      await this.audit.record(tx, {
        action: 'award.recorded',
        subjectType: 'award',
        subjectId: saved.id,
        after: { programmeCode: award.programmeCode, year: award.year, tier: award.tier ?? null },
      });
      return saved;
    });
  }
}
