import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@craftcert/platform';
import { EditionEntity } from './edition.entity';
import { PipelineDefinitionEntity } from './pipeline-definition.entity';
import { ProgrammeEntity } from './programme.entity';

export interface EditionView {
  edition: EditionEntity;
  definitionVersion: number;
}

/** Read side of the programmes context: one query per list, whatever its length. */
@Injectable()
export class ProgrammeQueries {
  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(PipelineDefinitionEntity)
    private readonly definitions: Repository<PipelineDefinitionEntity>,
    @InjectRepository(EditionEntity) private readonly editions: Repository<EditionEntity>,
  ) {}

  listProgrammes(): Promise<ProgrammeEntity[]> {
    return this.programmes.find({ order: { code: 'ASC' } });
  }

  /** Version summaries without the (large) documents. */
  listDefinitions(programmeId: string): Promise<PipelineDefinitionEntity[]> {
    return this.definitions.find({
      select: { id: true, version: true, status: true, createdAt: true, publishedAt: true },
      where: { programmeId },
      order: { version: 'ASC' },
    });
  }

  async listEditions(programmeId: string): Promise<EditionView[]> {
    const editions = await this.editions.find({
      where: { programmeId },
      relations: { definition: true },
      order: { code: 'ASC' },
    });
    return editions.map((edition) => ({ edition, definitionVersion: edition.definition!.version }));
  }

  async edition(editionId: string): Promise<EditionView> {
    const edition = await this.editions.findOne({
      where: { id: editionId },
      relations: { definition: true },
    });
    if (!edition) throw new NotFoundError(`Edition ${editionId}`);
    return { edition, definitionVersion: edition.definition!.version };
  }
}
