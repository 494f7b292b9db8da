import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecordedEndorsement } from '../domain/endorsements';
import { EvidenceFileEntity } from './evidence.entity';
import { NominationEndorsementEntity } from './nomination.entity';

/** The endorsements a unit recorded on its nominations, and what they need to be complete. */
@Injectable()
export class EndorsementRepository {
  /** A nomination's recorded endorsements, in the order recorded. */
  async of(tx: EntityManager, nominationId: string): Promise<RecordedEndorsement[]> {
    const rows = await tx.find(NominationEndorsementEntity, {
      where: { nominationId },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      endorsementId: r.endorsementId,
      kind: r.kind,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      body: r.body,
      meetingOn: r.meetingOn,
      evidenceId: r.evidenceId,
    }));
  }

  /** Records (or replaces) one endorsement of a nomination, in one statement. */
  async record(
    tx: EntityManager,
    nominationId: string,
    endorsement: RecordedEndorsement,
    recordedBy: string,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(NominationEndorsementEntity)
      .values({ nominationId, ...endorsement, recordedBy })
      .orUpdate(
        [
          'kind',
          'starts_on',
          'ends_on',
          'body',
          'meeting_on',
          'evidence_id',
          'recorded_by',
          'recorded_at',
        ],
        ['nomination_id', 'endorsement_id'],
      )
      .execute();
  }

  /** Whether an evidence file of the nomination, of the given kind (when named), exists. */
  async hasEvidence(
    tx: EntityManager,
    nominationId: string,
    fileId: string,
    kind: string | undefined,
  ): Promise<boolean> {
    return tx.existsBy(EvidenceFileEntity, {
      id: fileId,
      nominationId,
      ...(kind === undefined ? {} : { kind }),
    });
  }

  /** Evidence files per kind (for the files endorsements name). */
  async evidenceCounts(tx: EntityManager, nominationId: string): Promise<Map<string, number>> {
    const rows: { kind: string; n: number }[] = await tx
      .createQueryBuilder(EvidenceFileEntity, 'e')
      .select('e.kind', 'kind')
      .addSelect('count(*)::int', 'n')
      .where('e.nomination_id = :nominationId', { nominationId })
      .groupBy('e.kind')
      .getRawMany();
    return new Map(rows.map((r) => [r.kind, r.n]));
  }
}
