import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@craftcert/platform';
import { ConflictRepository } from '../persistence/conflict.repository';

/** The relations in the caller's own profile (mentoring ones show no ID number). */
@Injectable()
export class ListReviewerRelationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictRepository,
  ) {}

  async execute(actor: Actor) {
    const rows = await this.conflicts.relationsOf(this.dataSource.manager, [actor.userId]);
    return rows.map(({ id, kind, organisationId, note, declaredAt }) => ({
      id,
      kind,
      organisationId,
      note,
      declaredAt,
    }));
  }
}
