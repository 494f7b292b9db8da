import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { DefinitionsRepository } from '../persistence/definitions.repository';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeEntity } from '../persistence/programme.entity';
import { DefinitionInput, DefinitionInputReader, stampDefinition } from './parse-definition-input';

/** Replaces a draft's document; a published version refuses any change. */
@Injectable()
export class ReviseDraftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
    private readonly audit: AuditLog,
    private readonly reader: DefinitionInputReader,
  ) {}

  async execute(
    programmeId: string,
    version: number,
    input: DefinitionInput,
  ): Promise<PipelineDefinitionEntity> {
    const parsed = await this.reader.read(input);
    return this.dataSource.transaction(async (tx) => {
      const definition = await this.definitions.lockDraft(tx, programmeId, version);
      const programme = await tx.findOneByOrFail(ProgrammeEntity, { id: programmeId });
      definition.document = stampDefinition(parsed, programme.code, version);
      const saved = await tx.save(definition);
      await this.audit.record(tx, {
        action: 'definition.revised',
        subjectType: 'pipeline_definition',
        subjectId: definition.id,
        after: { programmeId, version },
      });
      return saved;
    });
  }
}
