import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SignedInActor } from '@craftcert/identity';
import type { Endorsement } from '@craftcert/pipeline';
import { todayInShanghai } from '@craftcert/pipeline';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { channelOf } from '../domain/channels';
import { dayAfter, endorsementBlock, type RecordedEndorsement } from '../domain/endorsements';
import { EndorsementRepository } from '../persistence/endorsement.repository';
import { NominationRepository } from '../persistence/nomination.repository';

export interface EndorsementStatus {
  endorsement: Endorsement;
  recorded: RecordedEndorsement | null;
  /** A notice's first day after it ends: the nomination can proceed from then. */
  proceedsFrom: string | null;
}

/** The endorsements a nomination's channel asks for, what is recorded, and what still blocks it. */
@Injectable()
export class ListEndorsementsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationRepository,
    private readonly endorsements: EndorsementRepository,
    private readonly editions: LoadEditionDefinitionUseCase,
  ) {}

  async execute(
    actor: SignedInActor,
    nominationId: string,
  ): Promise<{ items: EndorsementStatus[]; blockedBy: string | null }> {
    const tx = this.dataSource.manager;
    const nomination = await this.nominations.findVisible(actor, nominationId, tx);
    const { definition } = await this.editions.execute(nomination.editionId);
    const channel = channelOf(definition, nomination.channelId);
    const recorded = await this.endorsements.of(tx, nomination.id);
    const counts = await this.endorsements.evidenceCounts(tx, nomination.id);
    const byId = new Map(recorded.map((r) => [r.endorsementId, r]));
    const items = (channel.endorsements ?? []).map((endorsement) => {
      const r = byId.get(endorsement.id) ?? null;
      return { endorsement, recorded: r, proceedsFrom: r?.endsOn ? dayAfter(r.endsOn) : null };
    });
    return {
      items,
      blockedBy: endorsementBlock(channel, recorded, counts, todayInShanghai()) ?? null,
    };
  }
}
