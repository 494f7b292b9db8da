import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@craftcert/audit';
import { NotFoundError } from '@craftcert/platform';
import { DefinitionImmutableError } from '../domain/programme.errors';
import { PipelineDefinitionEntity } from '../persistence/pipeline-definition.entity';
import { ProgrammeEntity } from '../persistence/programme.entity';
import { DefinitionInput, parseDefinitionInput } from './parse-definition-input';

/** Replaces a draft's document; a published version refuses any change. */
@Injectable()
export class ReviseDraftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  execute(
    programmeId: string,
    version: number,
    input: DefinitionInput,
  ): Promise<PipelineDefinitionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const definition = await tx.findOne(PipelineDefinitionEntity, {
        where: { programmeId, version },
        lock: { mode: 'pessimistic_write' },
      });
      if (!definition) throw new NotFoundError(`Version ${version} of programme ${programmeId}`);
      if (definition.status === 'published') throw new DefinitionImmutableError(version);
      const programme = await tx.findOneByOrFail(ProgrammeEntity, { id: programmeId });
      definition.document = parseDefinitionInput(input, programme.code, version);
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
