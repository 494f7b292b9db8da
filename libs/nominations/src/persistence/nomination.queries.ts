import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type SignedInActor, whereInOrganisationScope } from '@craftcert/identity';
import { type NominationStatus, UNIT_PRIVATE } from '../domain/nomination-status';
import { EvidenceFileEntity } from './evidence.entity';
import { NominationEntity, NominationEventEntity } from './nomination.entity';
import { NominationRepository } from './nomination.repository';

export interface NominationFilter {
  status?: NominationStatus;
  channelId?: string;
  organisationId?: string;
}

export interface NominationRow {
  nomination: NominationEntity;
  organisationName: string | null;
}

/** Read side: lists are one query whatever their length, scoped to what the actor may see. */
@Injectable()
export class NominationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
  ) {}

  async list(
    actor: SignedInActor,
    editionId: string,
    filter: NominationFilter,
  ): Promise<NominationRow[]> {
    const query = this.dataSource
      .createQueryBuilder(NominationEntity, 'n')
      .leftJoinAndSelect('n.nominatingOrganisation', 'o')
      .where('n.edition_id = :editionId', { editionId })
      .orderBy('o.name', 'ASC', 'NULLS LAST')
      .addOrderBy('n.unit_rank', 'ASC', 'NULLS LAST')
      .addOrderBy('n.created_at', 'ASC');
    whereInOrganisationScope(query, 'o', actor);
    // Drafts stay their unit's (see visibleOutsideUnit in the domain).
    query.andWhere(
      '(n.status NOT IN (:...unitPrivate) OR n.nominating_organisation_id = :readerOrganisation)',
      { unitPrivate: UNIT_PRIVATE, readerOrganisation: actor.organisationId },
    );
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.channelId)
      query.andWhere('n.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.organisationId)
      query.andWhere('n.nominating_organisation_id = :org', { org: filter.organisationId });
    const rows = await query.getMany();
    return rows.map((nomination) => ({
      nomination,
      organisationName: nomination.nominatingOrganisation?.name ?? null,
    }));
  }

  async get(actor: SignedInActor, nominationId: string): Promise<NominationEntity> {
    return this.nominations.findVisible(actor, nominationId);
  }

  async timeline(actor: SignedInActor, nominationId: string): Promise<NominationEventEntity[]> {
    await this.nominations.findVisible(actor, nominationId);
    return this.dataSource.manager.find(NominationEventEntity, {
      where: { nominationId },
      order: { occurredAt: 'ASC' },
    });
  }

  async evidence(actor: SignedInActor, nominationId: string): Promise<EvidenceFileEntity[]> {
    await this.nominations.findVisible(actor, nominationId);
    return this.dataSource.manager.find(EvidenceFileEntity, {
      where: { nominationId },
      order: { createdAt: 'ASC' },
    });
  }
}
