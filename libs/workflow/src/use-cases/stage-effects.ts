import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Stage, StageKind } from '@craftcert/pipeline';

/** What a stage's entry tells the context that acts on it (publication for notice and release). */
export interface StageEntered {
  editionId: string;
  stage: Stage;
  /** The candidates who entered, in nomination id order. */
  nominationIds: string[];
  actorId: string | null;
}

/** Work a context does inside the entry's transaction: it commits or fails with the entry. */
export type StageEntryEffect = (tx: EntityManager, entered: StageEntered) => Promise<void>;

/**
 * Where other contexts plug what entering a stage of a kind does beyond the runner's bookkeeping
 * (publishing a notice, releasing the list). The runner calls it; it never names the contexts.
 */
@Injectable()
export class StageEffects {
  private readonly onEnter = new Map<StageKind, StageEntryEffect>();

  register(kind: StageKind, effect: StageEntryEffect): void {
    if (this.onEnter.has(kind)) throw new Error(`A ${kind} entry effect is already registered`);
    this.onEnter.set(kind, effect);
  }

  async entered(tx: EntityManager, entered: StageEntered): Promise<void> {
    await this.onEnter.get(entered.stage.kind)?.(tx, entered);
  }
}
