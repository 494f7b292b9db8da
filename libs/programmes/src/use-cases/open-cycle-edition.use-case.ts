import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toLocalDate } from '@craftcert/calendar';
import type { PipelineDefinition } from '@craftcert/pipeline';
import { NotFoundError } from '@craftcert/platform';
import type { Edition } from '../domain/edition';
import { EditionEntity } from '../persistence/edition.entity';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { OpenEditionUseCase } from './open-edition.use-case';

const DAY_MS = 86_400_000;

export interface CycleOpening {
  programmeId: string;
  year: number;
  /** The opening day, `MM-DD`, in Asia/Shanghai. */
  opensOn: string;
  nominationDays: number;
}

/**
 * Opens a programme's edition for a cycle year (code = the year) from its latest published
 * definition, with the nomination window the cycle sets. Opening a year already open returns
 * that edition, so a scheduled opening that runs twice opens one edition.
 */
@Injectable()
export class OpenCycleEditionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly open: OpenEditionUseCase,
  ) {}

  /** The programme's cadence, from its latest published definition. */
  async cadence(programmeId: string): Promise<{ everyYears: number }> {
    return (await this.latestPublished(programmeId)).document.programme.cadence;
  }

  async execute(opening: CycleOpening): Promise<{ edition: Edition; opened: boolean }> {
    const code = String(opening.year);
    const existing = await this.dataSource.manager.findOneBy(EditionEntity, {
      programmeId: opening.programmeId,
      code,
    });
    if (existing) return { edition: existing, opened: false };
    const definition = await this.latestPublished(opening.programmeId);
    const opensAt = new Date(`${opening.year}-${opening.opensOn}T00:00:00+08:00`);
    // The window runs to the end of its last day.
    const closesAt = new Date(opensAt.getTime() + opening.nominationDays * DAY_MS - 1000);
    const edition = await this.open.execute(opening.programmeId, {
      code,
      title: titleFor(definition.document, opening.year),
      definitionVersion: definition.version,
      referenceDate: toLocalDate(closesAt),
      nominationWindow: { opensAt, closesAt },
    });
    return { edition, opened: true };
  }

  private async latestPublished(programmeId: string): Promise<PipelineDefinitionEntity> {
    const latest = await this.dataSource.manager.findOne(PipelineDefinitionEntity, {
      where: { programmeId, status: 'published' },
      order: { version: 'DESC' },
    });
    if (!latest) throw new NotFoundError(`A published definition of programme ${programmeId}`);
    return latest;
  }
}

function titleFor(definition: PipelineDefinition, year: number) {
  const { name } = definition.programme;
  return { zh: `${year}年度${name.zh}`, en: `${name.en} ${year}` };
}
