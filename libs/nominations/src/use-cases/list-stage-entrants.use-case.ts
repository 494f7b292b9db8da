import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NominationStatus } from '../domain/nomination-status';
import { NominationEntity } from '../persistence/nomination.entity';

/** A nomination as the workflow sees it: who nominated, where it stands, its masked name. */
export interface StageEntrant {
  nominationId: string;
  status: NominationStatus;
  eligible: boolean | null;
  nominatingOrganisationId: string | null;
  candidate: string;
  /** The value of the dossier field asked for as `groupField` (e.g. a scoring stage's panelsBy). */
  group?: string | null;
  /** The keyed hash of the candidate's ID number (for conflicts of interest), never the number. */
  identityHash: string | null;
  /** The dossier, when asked for with `withDossier` (a selection's floors and caps read it). */
  dossier?: Record<string, unknown>;
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
    options: {
      nominationIds?: readonly string[];
      manager?: EntityManager;
      /** A public (not personal) dossier field whose value to return as `group`. */
      groupField?: string;
      withDossier?: boolean;
    } = {},
  ): Promise<StageEntrant[]> {
    const manager = options.manager ?? this.dataSource.manager;
    // Raw rows: thousands of them enter a stage at once, and entity hydration would dominate.
    const query = manager
      .createQueryBuilder(NominationEntity, 'n')
      .select('n.id', 'nominationId')
      .addSelect('n.status', 'status')
      .addSelect('n.eligible', 'eligible')
      .addSelect('n.nominating_organisation_id', 'nominatingOrganisationId')
      .addSelect('n.masked_name', 'candidate')
      .addSelect('n.identity_hash', 'identityHash')
      .where('n.edition_id = :editionId', { editionId })
      .orderBy('n.id');
    if (options.groupField) {
      query.addSelect('n.dossier ->> :groupField', 'group');
      query.setParameter('groupField', options.groupField);
    }
    if (options.withDossier) query.addSelect('n.dossier', 'dossier');
    if (options.nominationIds) {
      query.andWhere('n.id = ANY(:ids)', { ids: [...options.nominationIds] });
    } else {
      query.andWhere('n.status IN (:...ready)', { ready: READY }).andWhere('n.eligible = true');
    }
    return query.getRawMany<StageEntrant>();
  }
}
