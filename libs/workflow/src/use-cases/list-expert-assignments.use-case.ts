import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@craftcert/platform';
import { ScoringRepository } from '../persistence/scoring.repository';

/** An expert's own assignments, without the candidate's name (blind or not, the list is neutral). */
@Injectable()
export class ListExpertAssignmentsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
  ) {}

  async execute(actor: Actor, editionId?: string) {
    const rows = await this.scoring.ofExpert(this.dataSource.manager, actor.userId, editionId);
    return rows.map((r) => ({
      id: r.id,
      editionId: r.editionId,
      stageId: r.stageId,
      nominationId: r.nominationId,
      group: r.group,
      status: r.status,
      total: r.total,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }));
  }
}
