import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SignedInActor } from '@craftcert/identity';
import { OrganisationEntity } from '@craftcert/identity';
import type { NominationStatus } from '../domain/nomination-status';
import { NominationAccess } from './nomination-access';
import { NominationEntity, NominationEventEntity } from './nomination.entity';

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
    private readonly access: NominationAccess,
  ) {}

  async list(
    actor: SignedInActor,
    editionId: string,
    filter: NominationFilter,
  ): Promise<NominationRow[]> {
    const scope = await this.access.scopeOf(actor);
    const query = this.dataSource
      .createQueryBuilder(NominationEntity, 'n')
      .leftJoinAndMapOne(
        'n.nominatingOrganisation',
        OrganisationEntity,
        'o',
        'o.id = n.nominating_organisation_id',
      )
      .where('n.edition_id = :editionId', { editionId })
      .orderBy('o.name', 'ASC', 'NULLS LAST')
      .addOrderBy('n.unit_rank', 'ASC', 'NULLS LAST')
      .addOrderBy('n.created_at', 'ASC');
    if (scope !== 'all') {
      if ('organisationId' in scope)
        query.andWhere('n.nominating_organisation_id = :own', { own: scope.organisationId });
      else query.andWhere('o.path LIKE :prefix', { prefix: `${scope.organisationPathPrefix}%` });
    }
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

  async timeline(actor: SignedInActor, nominationId: string): Promise<NominationEventEntity[]> {
    await this.access.load(actor, nominationId);
    return this.dataSource.manager.find(NominationEventEntity, {
      where: { nominationId },
      order: { occurredAt: 'ASC' },
    });
  }
}
