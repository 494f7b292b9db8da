import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { NominationStatus } from '../domain/nomination-status';
import { NominationEntity } from '../persistence/nomination.entity';

/** A nomination as the workflow sees it: who nominated, where it stands, its masked name. */
export interface StageEntrant {
  nominationId: string;
  status: NominationStatus;
  eligible: boolean | null;
  nominatingOrganisationId: string | null;
  candidate: string;
}

/** Nominations at the secretariat that the submission's evaluation found eligible. */
const READY: NominationStatus[] = ['forwarded'];

/**
 * The nominations that enter an edition's first stage (eligible ones that reached the
 * secretariat), or, given ids, where those nominations stand now (a withdrawal shows here).
 * Joins the caller's transaction when its manager is passed.
 */
@Injectable()
export class ListStageEntrantsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    editionId: string,
    options: { nominationIds?: readonly string[]; manager?: EntityManager } = {},
  ): Promise<StageEntrant[]> {
    const manager = options.manager ?? this.dataSource.manager;
    const rows = await manager.find(NominationEntity, {
      select: {
        id: true,
        status: true,
        eligible: true,
        nominatingOrganisationId: true,
        maskedName: true,
      },
      where: options.nominationIds
        ? { editionId, id: In([...options.nominationIds]) }
        : { editionId, status: In(READY), eligible: true },
      order: { id: 'ASC' },
    });
    return rows.map((n) => ({
      nominationId: n.id,
      status: n.status,
      eligible: n.eligible,
      nominatingOrganisationId: n.nominatingOrganisationId,
      candidate: n.maskedName,
    }));
  }
}
