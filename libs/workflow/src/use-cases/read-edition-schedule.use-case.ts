import { Injectable } from '@nestjs/common';
import { LoadEditionDefinitionUseCase } from '@craftcert/programmes';
import { ScheduleRepository } from '../persistence/schedule.repository';
import type { ScheduledTransitionEntity } from '../persistence/schedule.entities';

/** An edition's scheduled transitions in the order they fall due (404 for no such edition). */
@Injectable()
export class ReadEditionScheduleUseCase {
  constructor(
    private readonly editions: LoadEditionDefinitionUseCase,
    private readonly schedule: ScheduleRepository,
  ) {}

  async execute(editionId: string): Promise<ScheduledTransitionEntity[]> {
    await this.editions.execute(editionId);
    return this.schedule.forEdition(editionId);
  }
}
